package org.medfed.privacy.dp;

import org.medfed.engine.BadInputException;

/**
 * Client-level differential privacy of a federated study (McMahan, Ramage, Talwar and Zhang 2018,
 * "Learning differentially private recurrent language models").
 *
 * @param clipNorm        L2 bound of one participant's delta in a round (the initial bound with adaptive clipping)
 * @param noiseMultiplier z: the noise on the sum of clipped deltas has standard deviation {@code z * clipNorm}
 * @param delta           the delta at which epsilon is reported; well below 1 / number of participants
 * @param targetEpsilon   stop before a round would take epsilon above this; +Infinity for no limit
 * @param placement       who adds the noise
 * @param adaptive        adaptive clipping, or null for a fixed clip norm
 * @param conversion      how RDP becomes (epsilon, delta)
 */
public record DpFedAvgSettings(double clipNorm, double noiseMultiplier, double delta, double targetEpsilon,
                               NoisePlacement placement, AdaptiveClipping adaptive, EpsilonConversion conversion) {

    public DpFedAvgSettings {
        if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
            throw new BadInputException("the clipping norm must be a positive number, was " + clipNorm);
        }
        if (!(noiseMultiplier > 0) || Double.isInfinite(noiseMultiplier)) {
            throw new BadInputException("the noise multiplier must be a positive number, was " + noiseMultiplier
                    + " (0 would give no privacy)");
        }
        if (!(delta > 0 && delta < 1)) {
            throw new BadInputException("delta must be between 0 and 1, was " + delta);
        }
        if (!(targetEpsilon > 0)) {
            throw new BadInputException("the target epsilon must be positive, was " + targetEpsilon);
        }
        if (placement == null || conversion == null) {
            throw new BadInputException("the noise placement and epsilon conversion must be given");
        }
    }

    /** Fixed clipping, noise added by the aggregator, no epsilon limit, Balle et al. conversion. */
    public static DpFedAvgSettings fixed(double clipNorm, double noiseMultiplier, double delta) {
        return new DpFedAvgSettings(clipNorm, noiseMultiplier, delta, Double.POSITIVE_INFINITY,
                NoisePlacement.AGGREGATOR, null, EpsilonConversion.BALLE_2020);
    }

    public DpFedAvgSettings withTargetEpsilon(double epsilon) {
        return new DpFedAvgSettings(clipNorm, noiseMultiplier, delta, epsilon, placement, adaptive, conversion);
    }

    public DpFedAvgSettings withPlacement(NoisePlacement p) {
        return new DpFedAvgSettings(clipNorm, noiseMultiplier, delta, targetEpsilon, p, adaptive, conversion);
    }

    public DpFedAvgSettings withAdaptive(AdaptiveClipping a) {
        return new DpFedAvgSettings(clipNorm, noiseMultiplier, delta, targetEpsilon, placement, a, conversion);
    }

    public boolean hasTarget() {
        return Double.isFinite(targetEpsilon);
    }
}
