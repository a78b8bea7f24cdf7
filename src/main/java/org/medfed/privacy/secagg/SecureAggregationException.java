package org.medfed.privacy.secagg;

import org.medfed.engine.RoundFailedException;

/**
 * A round of secure aggregation that cannot complete: too many participants dropped out for the masks to be
 * removed, or a message was inconsistent. The round's updates cannot be recovered; no partial or masked result
 * is ever released.
 */
public class SecureAggregationException extends RoundFailedException {

    private final int round;

    public SecureAggregationException(int round, String problem) {
        super("secure aggregation, round " + round + ": " + problem);
        this.round = round;
    }

    public int round() {
        return round;
    }
}
