package org.medfed.engine;

import java.util.Map;
import org.medfed.engine.protocol.Value;

/**
 * One participant's answer in a round, as a strategy receives it.
 *
 * @param participant the participant's name (updates reach a strategy sorted by it)
 * @param update      trained parameters or a gradient, see {@code kind}
 * @param examples    training examples the update is based on
 * @param weight      the user-given participant weight
 * @param trainLoss   mean local training loss
 * @param extras      strategy-specific values (SCAFFOLD's control-variate change, masked or encrypted updates)
 */
public record ClientUpdate(String participant, ModelVector update, UpdateKind kind, int examples, double weight,
                           int steps, double trainLoss, Map<String, Value> extras) {

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

    /** An extra that must be a vector of numbers. */
    public ModelVector extra(String key) {
        Value v = extras.get(key);
        if (v == null) {
            throw new IllegalStateException("participant '" + participant + "' sent no '" + key + "'");
        }
        if (!(v instanceof Value.Floats f)) {
            throw new IllegalStateException("participant '" + participant + "' sent '" + key + "' as " + v.kindName()
                    + ", expected a vector of numbers");
        }
        return ModelVector.wrap(f.values());
    }
}
