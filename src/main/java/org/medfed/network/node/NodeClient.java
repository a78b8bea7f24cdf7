package org.medfed.network.node;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProtocolRevision;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.network.proto.Call;
import org.medfed.network.proto.CoordinatorMessage;
import org.medfed.network.proto.DatasetOffer;
import org.medfed.network.proto.FederationGrpc;
import org.medfed.network.proto.Heartbeat;
import org.medfed.network.proto.Hello;
import org.medfed.network.proto.NodeMessage;
import org.medfed.network.proto.Reply;
import org.medfed.network.proto.Welcome;
import org.medfed.network.tls.NodeTls;
import org.medfed.network.tls.TlsIdentity;
import org.medfed.network.wire.RepeatedModel;
import org.medfed.network.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hospital's connection to the coordinator: it dials out (hospital firewalls allow outbound connections), says
 * who it is, answers each call with its {@link CallHandler}, sends heartbeats, and after a lost connection dials
 * again with growing pauses. A coordinator that refuses the node (another study, a name that does not match the
 * certificate) stops it: retrying would not help.
 */
public final class NodeClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeClient.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    /**
     * A coordinator restarted to resume a run waits for its nodes: an idle node must not sleep through that. A dial
     * is one TLS handshake attempt, cheap enough every few seconds.
     */
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(4);

    /** Where the node stands, for its window and its log. */
    public enum State { CONNECTING, CONNECTED, REFUSED, CLOSED }

    /**
     * A change of {@link State}, for the node's window: {@code detail} says why in words when there is a reason
     * (the refusal, why the coordinator cannot be reached or the connection was lost), else null.
     */
    public record Status(State state, String detail) {
    }

    /**
     * Who the node is and what it offers.
     *
     * @param protocol the participant protocol revision it speaks ({@link ProtocolRevision#CURRENT}; another only in
     *                 tests of the check)
     */
    public record Identity(String node, String study, String version, Map<String, String> datasetKinds, int protocol) {

        public Identity(String node, String study, String version, Map<String, String> datasetKinds) {
            this(node, study, version, datasetKinds, ProtocolRevision.CURRENT);
        }
    }

    private final Identity identity;
    private final ManagedChannel channel;
    private final CallHandler handler;
    private final ScheduledExecutorService executor;
    private final Map<Long, Future<?>> running = new ConcurrentHashMap<>();
    /** Calls the coordinator gave up on: their answer, or failure, is not sent. */
    private final java.util.Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private final Consumer<String> log;
    private volatile State state = State.CONNECTING;
    private volatile String refusal;
    private volatile int attempt;
    private volatile StreamObserver<NodeMessage> toCoordinator;
    private volatile ScheduledFuture<?> heartbeat;
    private volatile String lastProblem;
    private volatile Consumer<Status> watcher = s -> { };
    private final String target;

    /**
     * @param executor runs calls, heartbeats and reconnections (the node's one executor)
     * @param log      one line per event worth showing to the hospital (connected, lost, refused)
     */
    public NodeClient(Identity identity, String host, int port, TlsIdentity tls, CallHandler handler,
                      ScheduledExecutorService executor, Consumer<String> log) {
        this.identity = identity;
        this.handler = handler;
        this.executor = executor;
        this.log = log;
        this.target = host + ":" + port;
        this.channel = NettyChannelBuilder.forAddress(host, port, NodeTls.channelCredentials(tls))
                .keepAliveTime(10, TimeUnit.SECONDS)
                .keepAliveTimeout(5, TimeUnit.SECONDS)
                .keepAliveWithoutCalls(true)
                .maxInboundMessageSize(1 << 30)
                .build();
    }

    public State state() {
        return state;
    }

    /** Why the coordinator refused this node, once {@link #state()} is REFUSED. */
    public String refusal() {
        return refusal;
    }

    /** Tells {@code watcher} of every change of state from now on (on the node's threads; it must not block). */
    public void watch(Consumer<Status> watcher) {
        this.watcher = java.util.Objects.requireNonNull(watcher);
    }

    private void enter(State next, String detail) {
        state = next;
        watcher.accept(new Status(next, detail));
    }

    public void start() {
        executor.execute(this::dial);
    }

    private void dial() {
        if (state == State.CLOSED || state == State.REFUSED) {
            return;
        }
        if (state != State.CONNECTING || attempt == 0) {
            enter(State.CONNECTING, lastProblem);
        }
        // the pause is this client's own: gRPC's reconnect back-off (up to two minutes) would otherwise come on top,
        // and a node dialled at 30 s was seen connecting a minute after its coordinator had come back
        channel.resetConnectBackoff();
        StreamObserver<NodeMessage> out = FederationGrpc.newStub(channel).connect(new Incoming());
        toCoordinator = out;
        Hello.Builder hello = Hello.newBuilder().setNode(identity.node()).setStudy(identity.study())
                .setVersion(identity.version()).setProtocol(identity.protocol());
        identity.datasetKinds().forEach((id, kind) -> hello.addDatasets(DatasetOffer.newBuilder().setId(id)
                .setKind(kind)));
        send(NodeMessage.newBuilder().setHello(hello).build());
    }

    /**
     * For a node that could not start (a dataset's file missing or unreadable): tells the coordinator why, so that its
     * researcher learns it at once rather than after waiting for this node in vain. One attempt of at most
     * {@code within}: a coordinator not listening now is not waited for (the hospital has its own error to act on);
     * returns whether the coordinator heard it.
     */
    public static boolean tellCannotServe(Identity identity, String host, int port, TlsIdentity tls, String reason,
                                          Duration within) {
        ManagedChannel channel = NettyChannelBuilder.forAddress(host, port, NodeTls.channelCredentials(tls)).build();
        try {
            java.util.concurrent.CompletableFuture<Boolean> heard = new java.util.concurrent.CompletableFuture<>();
            StreamObserver<NodeMessage> out = FederationGrpc.newStub(channel).connect(new StreamObserver<>() {
                @Override
                public void onNext(CoordinatorMessage m) {
                    // a coordinator that refuses this node (another study) has heard it too
                    heard.complete(true);
                }

                @Override
                public void onError(Throwable t) {
                    heard.complete(false);
                }

                @Override
                public void onCompleted() {
                    heard.complete(true);
                }
            });
            out.onNext(NodeMessage.newBuilder().setHello(Hello.newBuilder().setNode(identity.node())
                    .setStudy(identity.study()).setVersion(identity.version()).setProtocol(identity.protocol())
                    .setCannotServe(reason)).build());
            try {
                return heard.get(within.toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                return false;
            } finally {
                try {
                    out.onCompleted();
                } catch (RuntimeException ignored) {
                    // already closed
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            channel.shutdownNow();
        }
    }

    private final class Incoming implements StreamObserver<CoordinatorMessage> {
        /** The models of this connection: a new one starts empty, as the coordinator's side of it does. */
        private final RepeatedModel.Receiver models = new RepeatedModel.Receiver();

        @Override
        public void onNext(CoordinatorMessage m) {
            switch (m.getKindCase()) {
                case WELCOME -> welcomed(m.getWelcome());
                case CALL -> accept(m.getCall(), models);
                case CANCEL -> {
                    cancelled.add(m.getCancel().getCallId());
                    Future<?> f = running.remove(m.getCancel().getCallId());
                    if (f != null) {
                        f.cancel(true);
                    }
                }
                case REFUSED -> refused("the coordinator refused this node: ", m.getRefused().getReason());
                default -> { }
            }
        }

        @Override
        public void onError(Throwable t) {
            boolean closedByCoordinator = t instanceof io.grpc.StatusRuntimeException s
                    && s.getStatus().getCode() == io.grpc.Status.Code.CANCELLED && s.getStatus().getDescription() != null;
            lost(describe(t), closedByCoordinator);
        }

        @Override
        public void onCompleted() {
            lost(null, true);
        }
    }

    private void refused(String prefix, String reason) {
        refusal = reason;
        enter(State.REFUSED, refusal);
        log.accept(prefix + refusal);
    }

    private void welcomed(Welcome welcome) {
        Optional<String> mismatch = ProtocolRevision.mismatch("the coordinator", welcome.getVersion(),
                welcome.getProtocol(), "this node", identity.version());
        if (mismatch.isPresent()) {
            // an older coordinator does not check: this node leaves, rather than answer requests it would misread
            refused("this node cannot work with the coordinator: ", mismatch.get());
            endStream();
            return;
        }
        long heartbeatMillis = welcome.getHeartbeatMillis();
        attempt = 0;
        lastProblem = null;
        enter(State.CONNECTED, null);
        log.accept("connected to the coordinator for study '" + identity.study() + "'");
        long every = Math.max(100, heartbeatMillis);
        heartbeat = executor.scheduleAtFixedRate(() -> send(NodeMessage.newBuilder().setHeartbeat(
                Heartbeat.newBuilder().setSentMillis(System.currentTimeMillis())).build()), every, every,
                TimeUnit.MILLISECONDS);
    }

    private void accept(Call call, RepeatedModel.Receiver models) {
        long id = call.getCallId();
        // decoded here, in the order the calls arrive, so that a call referring to the last model finds it; a request
        // that cannot be read is answered as failed by the task, like any other failure
        Callable<SiteRequest> request;
        try {
            SiteRequest decoded = models.restore(WireCodec.fromWire(call.getRequest()));
            request = () -> decoded;
        } catch (RuntimeException e) {
            request = () -> {
                throw e;
            };
        }
        Callable<SiteRequest> read = request;
        // registered before it can run, so that a call that ends at once is not left behind in 'running'
        FutureTask<Void> task = new FutureTask<>(() -> {
            answer(id, call, read);
            return null;
        });
        running.put(id, task);
        executor.execute(task);
    }

    private void answer(long id, Call call, Callable<SiteRequest> read) {
        Reply.Builder reply = Reply.newBuilder().setCallId(id);
        try {
            Params result = handler.handle(call.getDataset(), read.call(), RunControl.free());
            reply.setResult(WireCodec.toWire(result));
        } catch (PolicyRefusal r) {
            reply.setRefused(r.getMessage());
        } catch (Exception | LinkageError | AssertionError e) {
            if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()
                    || state == State.CLOSED || cancelled.remove(id)) {
                return; // cancelled: nobody waits for an answer
            }
            reply.setFailed(explain(e));
            if (userFacing(e) != null) {
                // the hospital's own files or settings: what is wrong and where, which a trace would bury
                LOG.warn("call {} ({}) failed: {}", id, call.getRequest().getCall().getProcedure(), explain(e));
            } else {
                LOG.warn("call {} ({}) failed", id, call.getRequest().getCall().getProcedure(), e);
            }
        } finally {
            running.remove(id);
        }
        send(NodeMessage.newBuilder().setReply(reply).build());
    }

    /**
     * @param why                 the problem in words; null when the coordinator ended the stream without one
     * @param closedByCoordinator the coordinator ended the connection on purpose (its run is over, say)
     */
    private void lost(String why, boolean closedByCoordinator) {
        ScheduledFuture<?> h = heartbeat;
        if (h != null) {
            h.cancel(false);
        }
        running.values().forEach(f -> f.cancel(true));
        running.clear();
        if (state == State.CLOSED || state == State.REFUSED) {
            return;
        }
        long delay = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempt, 10));
        boolean wasConnected = state == State.CONNECTED;
        String said = why == null ? "the coordinator closed the connection" : why;
        String problem = wasConnected ? "lost the connection to the coordinator (" + said + ")"
                : "cannot reach the coordinator at " + target + ": " + said;
        if (wasConnected && closedByCoordinator) {
            // the usual end of a study: not a failure, and the node stays ready for the next run or a resumed one
            problem = "the coordinator closed the connection" + (why == null ? "" : ": " + why);
            log.accept(problem + "; this node waits for it to listen again");
        } else if (wasConnected) {
            log.accept(problem + "; dialling again");
        } else if (!java.util.Objects.equals(problem, lastProblem)) {
            // said once per distinct reason, so that a wrong certificate or address is seen, not retried in silence
            log.accept(problem + "; trying again every few seconds");
        }
        boolean news = !java.util.Objects.equals(problem, lastProblem);
        lastProblem = problem;
        attempt++;
        if (news) {
            enter(State.CONNECTING, problem);
        } else {
            state = State.CONNECTING;
        }
        executor.schedule(this::dial, delay, TimeUnit.MILLISECONDS);
    }

    /** Tells the coordinator this node is done with the stream. */
    private void endStream() {
        StreamObserver<NodeMessage> out = toCoordinator;
        if (out == null) {
            return;
        }
        synchronized (this) {
            try {
                out.onCompleted();
            } catch (RuntimeException ignored) {
                // already closed
            }
        }
    }

    private void send(NodeMessage m) {
        StreamObserver<NodeMessage> out = toCoordinator;
        if (out == null) {
            return;
        }
        synchronized (this) {
            try {
                out.onNext(m);
            } catch (RuntimeException e) {
                LOG.debug("could not send to the coordinator", e);
            }
        }
    }

    /** A connection problem in words: the TLS reason when the handshake failed, which is the usual culprit. */
    static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof javax.net.ssl.SSLException ssl) {
                String m = String.valueOf(ssl.getMessage());
                if (m.contains("certificate_unknown") || m.contains("bad_certificate") || m.contains("unknown_ca")) {
                    return "the coordinator did not accept this node's certificate (" + m + "); is it from this "
                            + "study's kit?";
                }
                if (c.getCause() instanceof java.security.cert.CertificateException || m.contains("PKIX")
                        || m.contains("No subject alternative")) {
                    return "the coordinator's certificate is not one of this study's, or does not name the address "
                            + "dialled (" + m + ")";
                }
                return "TLS failed: " + m;
            }
        }
        if (t instanceof io.grpc.StatusRuntimeException s && s.getStatus().getCode() == io.grpc.Status.Code.UNAVAILABLE) {
            // gRPC says "io exception"; the operating system's reason ("Connection refused") says more
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root != t && root.getMessage() != null ? root.getMessage()
                    : s.getStatus().getDescription() != null ? s.getStatus().getDescription() : "unavailable";
            if (why.contains("Connection refused")) {
                // Netty's "finishConnect(..) failed with error(-111): Connection refused" means nothing to a hospital
                return "nothing listens there (connection refused): the coordinator is not running now, or listens "
                        + "on another port";
            }
            if (why.contains("Connection reset")) {
                // "recvAddress(..) failed with error(-104): Connection reset by peer"
                return "the connection was cut (the coordinator stopped, or the network dropped it)";
            }
            if (why.contains("Network closed for unknown reason")) {
                return "the network connection closed without a reason (the coordinator stopped, or the network "
                        + "dropped it)";
            }
            return "not reachable (" + why + ")";
        }
        if (t instanceof io.grpc.StatusRuntimeException s && s.getStatus().getCode() == io.grpc.Status.Code.CANCELLED
                && s.getStatus().getDescription() != null) {
            // the coordinator's own words for closing the connection ("the coordinator stopped")
            return s.getStatus().getDescription();
        }
        return String.valueOf(t.getMessage());
    }

    /** The message that helps a person most: the first one written for people, else the root cause. */
    static String explain(Throwable error) {
        Throwable told = userFacing(error);
        if (told != null) {
            return told.getMessage();
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** The error of the chain written for a person (bad input, a refusal, a malformed request), or null. */
    private static Throwable userFacing(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.medfed.engine.BadInputException || t instanceof org.medfed.engine.SiteFailure
                    || t instanceof org.medfed.engine.protocol.ProtocolException) {
                return t;
            }
        }
        return null;
    }

    /** Leaves the study: closes the stream and the channel. */
    @Override
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        enter(State.CLOSED, null);
        ScheduledFuture<?> h = heartbeat;
        if (h != null) {
            h.cancel(false);
        }
        running.values().forEach(f -> f.cancel(true));
        endStream();
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Datasets offered, for messages. */
    public List<String> datasets() {
        return List.copyOf(identity.datasetKinds().keySet());
    }
}
