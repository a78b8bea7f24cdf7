package org.medfed.network.coordinator;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Exchange;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.network.node.CallHandler;

/**
 * A hospital of a mixed study whose files are on this machine, answered by the same handler a node runs (its
 * dataset, with the procedures of the catalogue), called on the caller's thread: the hospital takes part in the
 * agreement, the training and the comparison exactly as the hospitals behind nodes do, without a network.
 */
public final class HereChannel implements NodeChannel, NodeChannels {

    /** The dataset id a hospital served here answers to. */
    public static final String DATASET = "here";

    private final CallHandler handler;

    public HereChannel(CallHandler handler) {
        this.handler = handler;
    }

    @Override
    public CompletableFuture<Exchange> call(String dataset, SiteRequest request) {
        CompletableFuture<Exchange> reply = new CompletableFuture<>();
        try {
            Params answer = handler.handle(dataset, request, RunControl.free());
            long down = request.params().payloadBytes()
                    + request.filters().stream().mapToLong(f -> f.params().payloadBytes()).sum();
            reply.complete(new Exchange(answer, down, answer.payloadBytes()));
        } catch (Exception e) {
            reply.completeExceptionally(e);
        }
        return reply;
    }

    @Override
    public void cancel(CompletableFuture<Exchange> call) {
        call.cancel(false);
    }

    @Override
    public Optional<HereChannel> channel(String node) {
        return Optional.of(this);
    }
}
