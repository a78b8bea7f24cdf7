package org.medfed.attack;

import java.util.Random;
import org.medfed.engine.ModelVector;
import org.medfed.engine.UpdateKind;

/**
 * Sends random noise instead of a trained change: {@code global + N(0, sigma^2)} per parameter, or
 * {@code N(0, sigma^2)} as a gradient (the "Gaussian attack" of the Byzantine-robustness literature).
 */
public final class GaussianNoiseAttack implements UpdateAttack {

    private final double sigma;

    public GaussianNoiseAttack(double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a finite non-negative number, was " + sigma);
        }
        this.sigma = sigma;
    }

    @Override
    public ModelVector corrupt(ModelVector honest, ModelVector global, UpdateKind kind, Random random) {
        return noisy(kind == UpdateKind.MODEL ? global : ModelVector.zeros(global.size()), sigma, random);
    }

    /** {@code base + N(0, sigma^2)} per parameter, drawn in parameter order. */
    static ModelVector noisy(ModelVector base, double sigma, Random random) {
        float[] b = base.toArray();
        float[] out = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (float) (b[i] + sigma * random.nextGaussian());
        }
        return ModelVector.wrap(out);
    }
}
