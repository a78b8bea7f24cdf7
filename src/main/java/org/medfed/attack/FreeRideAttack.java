package org.medfed.attack;

import java.util.Random;
import org.medfed.engine.ModelVector;
import org.medfed.engine.UpdateKind;

/**
 * A free-rider: sends the global model back as if it had trained (a zero gradient for FedSGD), optionally with a
 * little noise so that it does not look identical to the model it received. It still reports its example count,
 * so weighted averaging gives it its full weight.
 */
public final class FreeRideAttack implements UpdateAttack {

    private final double sigma;

    public FreeRideAttack(double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a finite non-negative number, was " + sigma);
        }
        this.sigma = sigma;
    }

    @Override
    public ModelVector corrupt(ModelVector honest, ModelVector global, UpdateKind kind, Random random) {
        ModelVector base = kind == UpdateKind.MODEL ? global : ModelVector.zeros(global.size());
        return sigma == 0 ? base : GaussianNoiseAttack.noisy(base, sigma, random);
    }
}
