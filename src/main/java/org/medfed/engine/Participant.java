package org.medfed.engine;

import org.medfed.engine.protocol.Exchange;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.SiteRequest;

/**
 * A hospital as the aggregator sees it: something that answers requests of the procedure catalogue and never
 * shows its rows. The hospital's side runs in this process ({@code org.medfed.site}) or in a node across the
 * network; the loop cannot tell which.
 */
public interface Participant {

    String name();

    int trainSize();

    int testSize();

    /** The user-given weight (1 unless set), used by custom-weighted averaging. */
    double weight();

    /** Sends one request and waits for the reply. */
    Params call(SiteRequest request, RunControl control) throws Exception;

    /**
     * Sends one request and waits for the reply, with the bytes it took each way. Hospitals in this process and
     * behind nodes give the serialised size; by default it is the values' plain size ({@link Params#payloadBytes}).
     */
    default Exchange exchange(SiteRequest request, RunControl control) throws Exception {
        Params reply = call(request, control);
        long down = request.params().payloadBytes()
                + request.filters().stream().mapToLong(f -> f.params().payloadBytes()).sum();
        return new Exchange(reply, down, reply.payloadBytes());
    }
}
