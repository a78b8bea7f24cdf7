package org.medfed.network.coordinator;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.medfed.engine.SiteFailure;
import org.medfed.engine.protocol.Exchange;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.network.proto.Call;
import org.medfed.network.proto.CancelCall;
import org.medfed.network.proto.CoordinatorMessage;
import org.medfed.network.proto.Reply;
import org.medfed.network.wire.RepeatedModel;
import org.medfed.network.wire.WireCodec;

/**
 * One connected node, as the coordinator holds it: the stream to send calls down, the calls waiting for their
 * reply, and what was measured on the wire. When the stream ends every waiting call fails at once, so that a node
 * killed mid-round counts as failed for that round without waiting for the time limit.
 */
public final class NodeLink implements NodeChannel {

    private final String node;
    private final String version;
    private final List<String> datasets;
    private final StreamObserver<CoordinatorMessage> toNode;
    private final Map<Long, CompletableFuture<Exchange>> pending = new ConcurrentHashMap<>();
    /** What was sent for each call still waiting: its size (for the exchange's bytes) and when (for the round trip). */
    private final Map<Long, Sent> sent = new ConcurrentHashMap<>();
    private final AtomicLong nextCall = new AtomicLong();
    /** What the node holds already, so that a model is not sent to it twice; used under the stream's lock. */
    private final RepeatedModel.Sender models;
    private final AtomicLong bytesDown = new AtomicLong();
    private final AtomicLong bytesUp = new AtomicLong();
    private volatile Instant lastHeard = Instant.now();
    private volatile java.time.Duration lastRoundTrip;
    private volatile String closedBecause;

    /** @param digests the coordinator's, shared by all its nodes */
    NodeLink(String node, String version, List<String> datasets, StreamObserver<CoordinatorMessage> toNode,
             RepeatedModel.Digests digests) {
        this.node = node;
        this.models = new RepeatedModel.Sender(digests);
        this.version = version;
        this.datasets = List.copyOf(datasets);
        this.toNode = toNode;
    }

    public String node() {
        return node;
    }

    public String version() {
        return version;
    }

    public List<String> datasets() {
        return datasets;
    }

    public Instant lastHeard() {
        return lastHeard;
    }

    /** Bytes of calls sent to the node (protobuf-encoded, as on the wire before TLS framing). */
    public long bytesDown() {
        return bytesDown.get();
    }

    /** Bytes of replies and heartbeats received from the node. */
    public long bytesUp() {
        return bytesUp.get();
    }

    /**
     * From sending the last answered call to its reply: the network's round trip and the node's work on it (a
     * question such as an evaluation is mostly the network; a training call mostly work). Null before any reply.
     */
    public java.time.Duration lastRoundTrip() {
        return lastRoundTrip;
    }

    public boolean isOpen() {
        return closedBecause == null;
    }

    /**
     * Sends a call; the future completes with the reply and the bytes of the call and of the reply as sent and
     * received on this stream, or fails with a {@link SiteFailure}.
     */
    @Override
    public CompletableFuture<Exchange> call(String dataset, SiteRequest request) {
        CompletableFuture<Exchange> reply = new CompletableFuture<>();
        String why = closedBecause;
        if (why != null) {
            reply.completeExceptionally(SiteFailure.failed(node, why));
            return reply;
        }
        long id = nextCall.incrementAndGet();
        pending.put(id, reply);
        boolean delivered;
        // shortened and sent under one lock: a reference to a model must follow that model on the stream
        synchronized (toNode) {
            CoordinatorMessage m = CoordinatorMessage.newBuilder().setCall(Call.newBuilder().setCallId(id)
                    .setDataset(dataset).setRequest(WireCodec.toWire(models.shorten(request)))).build();
            int size = m.getSerializedSize();
            bytesDown.addAndGet(size);
            sent.put(id, new Sent(size, System.nanoTime()));
            delivered = send(m);
        }
        if (!delivered) {
            pending.remove(id);
            reply.completeExceptionally(SiteFailure.failed(node, "the connection to its node closed"));
        }
        reply.whenComplete((r, e) -> {
            pending.remove(id);
            sent.remove(id);
        });
        return reply;
    }

    /** Tells the node to stop working on a call nobody waits for any more (time limit, stop). */
    @Override
    public void cancel(CompletableFuture<Exchange> call) {
        pending.forEach((id, f) -> {
            if (f == call) {
                send(CoordinatorMessage.newBuilder().setCancel(CancelCall.newBuilder().setCallId(id)).build());
                f.cancel(false);
            }
        });
    }

    void received(Reply reply, int bytes) {
        heard(bytes);
        Sent call = sent.remove(reply.getCallId());
        if (call != null) {
            lastRoundTrip = java.time.Duration.ofNanos(System.nanoTime() - call.nanoTime());
        }
        CompletableFuture<Exchange> f = pending.remove(reply.getCallId());
        if (f == null) {
            return; // cancelled or timed out before the answer came
        }
        switch (reply.getOutcomeCase()) {
            case RESULT -> {
                try {
                    f.complete(new Exchange(WireCodec.fromWire(reply.getResult()), call == null ? 0 : call.bytes(), bytes));
                } catch (RuntimeException e) {
                    f.completeExceptionally(SiteFailure.failed(node, "sent a reply that cannot be read: "
                            + e.getMessage()));
                }
            }
            case REFUSED -> f.completeExceptionally(SiteFailure.refused(node, reply.getRefused()));
            case FAILED -> f.completeExceptionally(SiteFailure.failed(node, reply.getFailed()));
            default -> f.completeExceptionally(SiteFailure.failed(node, "sent an empty reply"));
        }
    }

    void heard(int bytes) {
        lastHeard = Instant.now();
        bytesUp.addAndGet(bytes);
    }

    /** The stream ended: every waiting call fails with {@code reason}. */
    void closed(String reason) {
        closedBecause = reason;
        SiteFailure failure = SiteFailure.failed(node, reason);
        pending.values().forEach(f -> f.completeExceptionally(failure));
        pending.clear();
    }

    /** Ends the stream from this side. */
    void close(String reason) {
        closed(reason);
        synchronized (toNode) {
            try {
                toNode.onError(Status.CANCELLED.withDescription(reason).asRuntimeException());
            } catch (RuntimeException ignored) {
                // already closed
            }
        }
    }

    private boolean send(CoordinatorMessage m) {
        synchronized (toNode) {
            try {
                toNode.onNext(m);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    @Override
    public String toString() {
        return "NodeLink[" + node + (isOpen() ? "" : ", closed") + "]";
    }

    private record Sent(int bytes, long nanoTime) {
    }
}
