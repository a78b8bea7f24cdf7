package org.medfed.network.coordinator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.medfed.engine.Participant;
import org.medfed.engine.RunCancelledException;
import org.medfed.engine.RunControl;
import org.medfed.engine.SiteFailure;
import org.medfed.engine.protocol.Exchange;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.SiteRequest;

/**
 * A hospital that runs a node elsewhere: each request travels down the node's stream and the call waits for the
 * reply (in a mixed study, a hospital with its files here is reached the same way, through a {@link HereChannel}). The round loop's transport puts the time limit on it; when the limit passes (the waiting thread is
 * interrupted) the node is told to stop.
 *
 * @param name     the participant's name in the study
 * @param node     the node's (certified) name
 * @param dataset  the dataset id the node registered
 */
public record RemoteParticipant(String name, String node, String dataset, int trainSize, int testSize,
                                double weight, NodeChannels nodes) implements Participant {

    @Override
    public Params call(SiteRequest request, RunControl control) throws Exception {
        return exchange(request, control).reply();
    }

    /** The reply, with the bytes of the call and of the reply as they went over this node's stream. */
    @Override
    public Exchange exchange(SiteRequest request, RunControl control) throws Exception {
        NodeChannel link = nodes.channel(node).orElseThrow(() -> SiteFailure.failed(name,
                "its node '" + node + "' is not connected"));
        CompletableFuture<Exchange> reply = link.call(dataset, request);
        try {
            return reply.get();
        } catch (InterruptedException e) {
            link.cancel(reply);
            Thread.currentThread().interrupt();
            throw new RunCancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The same hospital with its sizes as its node reported them. */
    public RemoteParticipant withSizes(int train, int test) {
        return new RemoteParticipant(name, node, dataset, train, test, weight, nodes);
    }
}
