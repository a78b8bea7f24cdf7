package org.medfed.network.coordinator;

import java.util.concurrent.CompletableFuture;
import org.medfed.engine.protocol.Exchange;
import org.medfed.engine.protocol.SiteRequest;

/**
 * Where one hospital's calls go: its node's connection ({@link NodeLink}), or, for a hospital of a mixed study
 * whose files are on this machine, a node's own handler called here ({@link HereChannel}).
 */
public interface NodeChannel {

    /** Sends {@code request} for {@code dataset}; the future completes with the reply, or fails with the reason. */
    CompletableFuture<Exchange> call(String dataset, SiteRequest request);

    /** Gives up on a call still waiting (its time limit passed). */
    void cancel(CompletableFuture<Exchange> call);
}
