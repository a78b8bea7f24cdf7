package org.medfed.engine;

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
}
