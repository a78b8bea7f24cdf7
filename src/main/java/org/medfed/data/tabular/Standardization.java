package org.medfed.data.tabular;

/**
 * A z-score per encoded feature: (x - mean) / (std + 1e-9), with the sample standard deviation (n - 1), as
 * FLamby computes it. A feature that is constant in the training rows is only centred, so that a different
 * value in a test row does not explode by 1e9.
 */
public record Standardization(double[] mean, double[] std, long count) {

    static final double EPSILON = 1e-9;

    /** From the count, sums and sums of squares of each feature. */
    public static Standardization fromMoments(long count, double[] sum, double[] sumOfSquares) {
        double[] mean = new double[sum.length];
        double[] std = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = count > 0 ? sum[i] / count : 0;
            double variance = count > 1 ? (sumOfSquares[i] - sum[i] * sum[i] / count) / (count - 1) : 0;
            std[i] = Math.sqrt(Math.max(variance, 0));
        }
        return new Standardization(mean, std, count);
    }

    /** What a feature is divided by: its standard deviation + 1e-9, or 1 for a constant feature. */
    public static double scale(double std) {
        return std > 1e-12 ? std + EPSILON : 1.0;
    }

    public float[] apply(float[] x) {
        return applyInPlace(x.clone());
    }

    /** {@link #apply} into {@code x} itself, for rows nobody else holds: a million rows need no second copy. */
    public float[] applyInPlace(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) ((x[i] - mean[i]) / scale(std[i]));
        }
        return x;
    }
}
