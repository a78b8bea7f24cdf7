package org.medfed.privacy.dp;

import org.medfed.engine.BadInputException;

/**
 * Adaptive clipping by quantile estimation (Andrew, Thakkar, McMahan and Ramaswamy 2021, "Differentially
 * private learning with adaptive clipping"): every round each participant reports whether its delta was
 * within the clip norm; the noised fraction b~ moves the clip geometrically,
 * {@code C <- C * exp(-learningRate * (b~ - targetQuantile))}, towards the value that leaves
 * {@code targetQuantile} of the deltas unclipped.
 *
 * @param targetQuantile share of deltas to leave unclipped (paper: 0.5, the median)
 * @param learningRate   geometric step (paper: 0.2)
 * @param countNoiseStd  standard deviation of the noise on the count of unclipped deltas; NaN means the
 *                       paper's suggestion, expected participants / 20
 */
public record AdaptiveClipping(double targetQuantile, double learningRate, double countNoiseStd) {

    public AdaptiveClipping {
        if (!(targetQuantile > 0 && targetQuantile < 1)) {
            throw new BadInputException("the adaptive clipping quantile must be between 0 and 1, was " + targetQuantile);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new BadInputException("the adaptive clipping learning rate must be positive, was " + learningRate);
        }
        if (!(countNoiseStd > 0 || Double.isNaN(countNoiseStd)) || Double.isInfinite(countNoiseStd)) {
            throw new BadInputException("the noise on the unclipped count must be positive, was " + countNoiseStd);
        }
    }

    /** The paper's recommended settings: median, learning rate 0.2, count noise expected/20. */
    public static AdaptiveClipping recommended() {
        return new AdaptiveClipping(0.5, 0.2, Double.NaN);
    }

    /** The count noise for a round with {@code expectedParticipants}. */
    double countNoise(double expectedParticipants) {
        return Double.isNaN(countNoiseStd) ? expectedParticipants / 20.0 : countNoiseStd;
    }

    /**
     * The noise multiplier left for the deltas when the whole round must have noise multiplier {@code z}:
     * the count query has sensitivity 1/2 (indicators are centred to +-1/2), so its own multiplier is
     * {@code 2 sigma_b}, and two Gaussian queries compose like one with {@code (z1^-2 + z2^-2)^-1/2}. Solving for
     * the delta's multiplier gives {@code (z^-2 - (2 sigma_b)^-2)^-1/2} (Andrew et al. 2021, section 3.1).
     */
    static double deltaNoiseMultiplier(double z, double countNoiseStd) {
        double rest = 1 / (z * z) - 1 / (4 * countNoiseStd * countNoiseStd);
        if (!(rest > 0)) {
            throw new BadInputException("the noise on the unclipped count (" + countNoiseStd + ") is too small for "
                    + "noise multiplier " + z + ": it must exceed " + (z / 2) + "; raise it or the number of "
                    + "participants per round");
        }
        return 1 / Math.sqrt(rest);
    }
}
