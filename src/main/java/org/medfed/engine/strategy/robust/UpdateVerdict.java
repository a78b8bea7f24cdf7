package org.medfed.engine.strategy.robust;

import java.util.Objects;

/**
 * What a defence did with one participant's update in one round, for the results table and the teaching view.
 *
 * @param participant the participant's name
 * @param decision    kept whole, used in part of the coordinates, scaled down, or left out
 * @param keptShare   how much of the update reached the result, from 0 to 1: 1 when kept, 0 when rejected, the
 *                    scale factor when clipped, and for coordinate-wise rules the share of coordinates in which
 *                    its value was among those combined
 * @param explanation one plain sentence with the figures behind the decision
 */
public record UpdateVerdict(String participant, Decision decision, double keptShare, String explanation) {

    /** The ways a defence can treat an update. */
    public enum Decision {
        /** Used as sent. */
        KEPT,
        /** A coordinate-wise rule used its value in some coordinates and not in others. */
        PARTLY_USED,
        /** Scaled down to the norm bound before aggregation. */
        CLIPPED,
        /** Not used at all this round. */
        REJECTED
    }

    public UpdateVerdict {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(explanation, "explanation");
        if (!(keptShare >= 0 && keptShare <= 1)) {
            throw new IllegalArgumentException("kept share must be in [0, 1], was " + keptShare);
        }
    }
}
