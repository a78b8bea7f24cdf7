package org.medfed.engine;

import java.util.Map;

/**
 * One participant's answer in a round, as a strategy receives it.
 *
 * @param participant the participant's name (updates reach a strategy sorted by it)
 * @param update      trained parameters or a gradient, see {@code kind}
 * @param examples    training examples the update is based on
 * @param weight      the user-given participant weight
 * @param trainLoss   mean local training loss
 * @param extras      strategy-specific vectors (SCAFFOLD's control-variate change)
 */
public record ClientUpdate(String participant, ModelVector update, UpdateKind kind, int examples, double weight,
                           int steps, double trainLoss, Map<String, ModelVector> extras) {

    public ClientUpdate {
        extras = Map.copyOf(extras);
    }

    public static ClientUpdate of(String participant, double weight, FitResult r) {
        return new ClientUpdate(participant, r.update(), r.kind(), r.examples(), weight, r.steps(), r.trainLoss(),
                r.extras());
    }

    public ClientUpdate withUpdate(ModelVector newUpdate) {
        return new ClientUpdate(participant, newUpdate, kind, examples, weight, steps, trainLoss, extras);
    }

    public ModelVector extra(String key) {
        ModelVector v = extras.get(key);
        if (v == null) {
            throw new IllegalStateException("participant '" + participant + "' sent no '" + key + "'");
        }
        return v;
    }
}
