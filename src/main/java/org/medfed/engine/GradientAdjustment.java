package org.medfed.engine;

/**
 * A change a strategy makes to every local gradient before the optimiser uses it: FedProx adds the pull
 * towards the global model, SCAFFOLD the control-variate correction.
 */
@FunctionalInterface
public interface GradientAdjustment {

    /** Leaves the gradient as it is. */
    GradientAdjustment NONE = (params, gradient) -> { };

    /**
     * @param params   the current local parameters (read only)
     * @param gradient the gradient of the mean mini-batch loss, changed in place
     */
    void adjust(float[] params, float[] gradient);

    default boolean isNone() {
        return this == NONE;
    }
}
