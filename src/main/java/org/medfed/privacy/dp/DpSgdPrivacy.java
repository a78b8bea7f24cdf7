package org.medfed.privacy.dp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.medfed.engine.BadInputException;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.SampleLevelPrivacy;
import org.medfed.engine.protocol.Params;
import org.medfed.privacy.random.RandomSource;

/**
 * Example-level DP-SGD in every hospital's local training: Poisson-sampled batches with rate batch / n, each
 * example's gradient clipped to C, Gaussian noise z C on the sum, divided by the expected batch size
 * ({@link DpSgd}). Either a fixed noise multiplier, or a target epsilon from which each hospital's multiplier is
 * derived for all the steps it will take over the planned rounds, so that every hospital ends within the target.
 */
public final class DpSgdPrivacy implements SampleLevelPrivacy {

    private final double clipNorm;
    private final Double noiseMultiplier;
    private final Double targetEpsilon;
    private final double delta;
    private final int plannedRounds;
    private final RandomSource random;
    private final Map<String, Double> calibrated = new ConcurrentHashMap<>();

    public DpSgdPrivacy(double clipNorm, Double noiseMultiplier, Double targetEpsilon, double delta, int plannedRounds,
                        RandomSource random) {
        if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
            throw new BadInputException("the per-example clipping norm must be a positive number, was " + clipNorm);
        }
        if (noiseMultiplier == null && targetEpsilon == null) {
            throw new BadInputException("DP-SGD needs a noise multiplier or a target epsilon");
        }
        if (noiseMultiplier != null && !(noiseMultiplier > 0)) {
            throw new BadInputException("the DP-SGD noise multiplier must be positive, was " + noiseMultiplier);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new BadInputException("delta must be between 0 and 1, was " + delta);
        }
        this.clipNorm = clipNorm;
        this.noiseMultiplier = noiseMultiplier;
        this.targetEpsilon = targetEpsilon;
        this.delta = delta;
        this.plannedRounds = plannedRounds;
        this.random = random;
    }

    @Override
    public Privatizer forParticipant(int trainSize, LocalTraining plan) {
        double q = samplingRate(trainSize, plan);
        double z = noiseFor(trainSize, plan);
        double expectedBatch = q * trainSize;
        return new Privatizer() {
            @Override
            public double samplingRate() {
                return q;
            }

            @Override
            public float[] privatize(float[][] perExampleGradients, int dimension, long stepSeed) {
                return DpSgd.privatize(perExampleGradients, dimension, clipNorm, z, expectedBatch,
                        random.stream("dp-sgd", stepSeed)).gradient();
            }
        };
    }

    @Override
    public Params describe() {
        Params.Builder b = Params.builder().number("clip", clipNorm).number("delta", delta)
                .number("rounds", plannedRounds).all(random.describe());
        if (noiseMultiplier != null) {
            b.number("noise_multiplier", noiseMultiplier);
        }
        if (targetEpsilon != null) {
            b.number("target_epsilon", targetEpsilon);
        }
        return b.build();
    }

    /** DP-SGD as a request describes it ({@link #describe()}), rebuilt at the hospital. */
    public static DpSgdPrivacy fromParams(Params p) {
        return new DpSgdPrivacy(p.number("clip"), p.has("noise_multiplier") ? p.number("noise_multiplier") : null,
                p.has("target_epsilon") ? p.number("target_epsilon") : null, p.number("delta"), p.integer("rounds"),
                RandomSource.from(p));
    }

    /** The largest epsilon this plan may spend at a hospital, or null when only the noise is fixed. */
    public Double targetEpsilon() {
        return targetEpsilon;
    }

    /** The noise multiplier of a hospital with {@code trainSize} examples. */
    public double noiseFor(int trainSize, LocalTraining plan) {
        if (noiseMultiplier != null) {
            return noiseMultiplier;
        }
        long steps = totalSteps(trainSize, plan);
        double q = samplingRate(trainSize, plan);
        return calibrated.computeIfAbsent(trainSize + "/" + steps + "/" + q, k -> NoiseCalibration.noiseMultiplierFor(
                targetEpsilon, delta, q, steps, RdpOrders.extended(), EpsilonConversion.BALLE_2020));
    }

    /** The (epsilon, delta) a hospital with {@code trainSize} examples has spent after all the planned rounds. */
    public PrivacySpent spentBy(int trainSize, LocalTraining plan) {
        return NoiseCalibration.epsilon(samplingRate(trainSize, plan), noiseFor(trainSize, plan),
                totalSteps(trainSize, plan), delta, RdpOrders.extended(), EpsilonConversion.BALLE_2020);
    }

    /** The rounds the plan was made for; {@link #spentBy} holds after these rounds, not more. */
    public int plannedRounds() {
        return plannedRounds;
    }

    public double clipNorm() {
        return clipNorm;
    }

    public double delta() {
        return delta;
    }

    private long totalSteps(int trainSize, LocalTraining plan) {
        return (long) plannedRounds * plan.stepsFor(trainSize);
    }

    private static double samplingRate(int trainSize, LocalTraining plan) {
        return Math.min(1.0, (double) plan.batchSize() / trainSize);
    }
}
