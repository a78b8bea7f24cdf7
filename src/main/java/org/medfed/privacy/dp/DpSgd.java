package org.medfed.privacy.dp;

import org.medfed.engine.BadInputException;
import org.medfed.privacy.random.CryptoRandom;

/**
 * The arithmetic of one DP-SGD step (Abadi et al. 2016, "Deep learning with differential privacy"), as a pure
 * function the local trainer calls with the per-example gradients of a batch: each example's gradient is
 * clipped to L2 norm C, the clipped gradients are summed, Gaussian noise of standard deviation {@code z * C}
 * is added to the sum, and the sum is divided by the EXPECTED batch size (Poisson sampling with rate
 * {@code q = batch / n}, the Opacus convention), so the noise on the averaged gradient has standard
 * deviation {@code z * C / expectedBatchSize}.
 *
 * <p>Accounting for a training run: {@link DpSgdPlan}.
 */
public final class DpSgd {

    private DpSgd() {
    }

    /**
     * The result of privatising one batch.
     *
     * @param gradient the noised average gradient to hand to the optimiser
     * @param clipped  how many examples had a gradient above the clip norm (for tuning; not private)
     */
    public record PrivateGradient(float[] gradient, int clipped) {
    }

    /**
     * Clips, sums, adds noise, averages.
     *
     * @param perExampleGradients one row per example of the batch (may be empty under Poisson sampling)
     * @param dimension           length of a gradient (needed when the batch is empty)
     * @param clipNorm            C
     * @param noiseMultiplier     z
     * @param expectedBatchSize   q * n, the denominator
     * @param noise               the step's noise generator
     */
    public static PrivateGradient privatize(float[][] perExampleGradients, int dimension, double clipNorm,
                                            double noiseMultiplier, double expectedBatchSize, CryptoRandom noise) {
        if (!(expectedBatchSize > 0)) {
            throw new BadInputException("the expected batch size must be positive, was " + expectedBatchSize);
        }
        if (!(noiseMultiplier >= 0)) {
            throw new BadInputException("the noise multiplier cannot be negative, was " + noiseMultiplier);
        }
        double[] sum = new double[dimension];
        int clipped = clippedSum(perExampleGradients, clipNorm, sum);
        noise.addGaussian(sum, noiseMultiplier * clipNorm);
        float[] out = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            out[i] = (float) (sum[i] / expectedBatchSize);
        }
        return new PrivateGradient(out, clipped);
    }

    /**
     * Adds every example's gradient, scaled by {@code min(1, C / ||g||)}, into {@code sum}; returns how many
     * were scaled down.
     */
    public static int clippedSum(float[][] perExampleGradients, double clipNorm, double[] sum) {
        if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
            throw new BadInputException("the clipping norm must be a positive number, was " + clipNorm);
        }
        int clipped = 0;
        for (int e = 0; e < perExampleGradients.length; e++) {
            float[] g = perExampleGradients[e];
            if (g.length != sum.length) {
                throw new BadInputException("the gradient of example " + e + " has " + g.length
                        + " values where the model has " + sum.length);
            }
            double norm = L2Clip.norm(g);
            if (!Double.isFinite(norm)) {
                throw new BadInputException("the gradient of example " + e + " is not finite; "
                        + "check that example's inputs or lower the learning rate");
            }
            double f = L2Clip.factor(norm, clipNorm);
            if (f < 1) {
                clipped++;
            }
            for (int i = 0; i < g.length; i++) {
                sum[i] += f * g[i];
            }
        }
        return clipped;
    }
}
