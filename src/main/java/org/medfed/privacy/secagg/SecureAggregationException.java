package org.medfed.privacy.secagg;

import org.medfed.engine.BadInputException;

/**
 * A round of secure aggregation that cannot complete: too many participants dropped out for the masks to be
 * removed, or a message was inconsistent. The round's updates cannot be recovered; no partial or masked result
 * is ever released.
 *
 * <p>A {@link BadInputException} for now, so that the round loop ends the run with this message (see the report
 * to the lead: the engine should get an exception type of its own for "this round failed cleanly").
 */
public class SecureAggregationException extends BadInputException {

    private final int round;

    public SecureAggregationException(int round, String problem) {
        super("secure aggregation, round " + round + ": " + problem);
        this.round = round;
    }

    public int round() {
        return round;
    }
}
