package org.medfed.attack;

import java.util.Random;
import org.medfed.engine.ModelVector;
import org.medfed.engine.UpdateKind;

/**
 * How a simulated attacker corrupts the vector it sends. Arithmetic is done in double and rounded once to the
 * float that travels, so the expected values can be worked out by hand.
 */
@FunctionalInterface
public interface UpdateAttack {

    /**
     * @param honest what the participant would have sent (a trained model or a gradient, see {@code kind})
     * @param global the global model of the round
     * @param random seeded from (attack seed, participant, round), so reruns are bit-identical
     * @return what it sends instead
     */
    ModelVector corrupt(ModelVector honest, ModelVector global, UpdateKind kind, Random random);

    /** The attack a spec describes (its catalogue entry makes it). */
    static UpdateAttack of(AttackSpec spec) {
        if (spec.kind().changesData()) {
            throw new IllegalArgumentException(spec.kind().id() + " changes a hospital's training labels, "
                    + "not its updates: apply LabelFlip to the labels when loading its data");
        }
        return spec.kind().create().apply(spec);
    }
}
