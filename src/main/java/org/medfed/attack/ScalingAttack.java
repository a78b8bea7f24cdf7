package org.medfed.attack;

import java.util.Random;
import org.medfed.engine.ModelVector;
import org.medfed.engine.UpdateKind;

/**
 * Sends {@code global + s * (trained - global)}, or {@code s * gradient}. A large positive {@code s} is the
 * boosting behind model replacement (Bagdasaryan et al. 2020): with {@code s} equal to the number of
 * participants, the attacker's model replaces the plain average. A negative {@code s} is sign flipping.
 */
public final class ScalingAttack implements UpdateAttack {

    private final double factor;

    public ScalingAttack(double factor) {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor must be finite, was " + factor);
        }
        this.factor = factor;
    }

    public double factor() {
        return factor;
    }

    @Override
    public ModelVector corrupt(ModelVector honest, ModelVector global, UpdateKind kind, Random random) {
        float[] u = honest.toArray();
        float[] g = global.toArray();
        float[] out = new float[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = kind == UpdateKind.MODEL ? (float) (g[i] + factor * ((double) u[i] - g[i])) : (float) (factor * u[i]);
        }
        return ModelVector.wrap(out);
    }
}
