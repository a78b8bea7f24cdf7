package org.medfed.engine.strategy;

import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.VectorMath;

/** Small helpers shared by strategies that average whole updates. */
public final class Updates {

    private Updates() {
    }

    /** The updates' vectors, checked to be of the expected kind. */
    public static List<ModelVector> vectors(List<ClientUpdate> updates, UpdateKind kind) {
        List<ModelVector> out = new ArrayList<>(updates.size());
        for (ClientUpdate u : updates) {
            if (u.kind() != kind) {
                throw new IllegalStateException("participant '" + u.participant() + "' sent a " + u.kind()
                        + " where this strategy expects a " + kind);
            }
            out.add(u.update());
        }
        return out;
    }

    /** The updates, checked to be of the expected kind. */
    public static List<ClientUpdate> checked(List<ClientUpdate> updates, UpdateKind kind) {
        vectors(updates, kind);
        return updates;
    }

    /** The weighted mean of the participants' models. */
    public static ModelVector averageModels(List<ClientUpdate> updates, Weighting weighting) {
        return VectorMath.weightedMean(vectors(updates, UpdateKind.MODEL), weighting.weights(updates));
    }

    /** The weighted mean of (model - global): the pseudo-gradient server optimisers step along. */
    public static ModelVector averageDelta(ModelVector global, List<ClientUpdate> updates, Weighting weighting) {
        return VectorMath.subtract(averageModels(updates, weighting), global);
    }
}
