package org.medfed.privacy.dp;

import org.medfed.engine.BadInputException;

/**
 * Renyi differential privacy of the sampled Gaussian mechanism (Mironov, Talwar and Zhang 2019, "Renyi
 * Differential Privacy of the Sampled Gaussian Mechanism", section 3.3): each record (here a participant,
 * or an example for DP-SGD) is included independently with probability {@code q}, the sum of the included
 * records, each of L2 norm at most C, gets Gaussian noise of standard deviation {@code sigma * C}.
 *
 * <p>The RDP at order alpha is {@code log(A_alpha) / (alpha - 1)} with
 * {@code A_alpha = E_{z ~ N(0, sigma^2)} [(1 - q + q exp((2z - 1) / (2 sigma^2)))^alpha]}. For integer alpha the
 * binomial expansion is finite; for fractional alpha the expectation is split at
 * {@code z0 = sigma^2 log(1/q - 1) + 1/2} into two convergent series with erfc weights. The same series are
 * used by TensorFlow Privacy and Opacus; this is an independent implementation checked against their
 * published test values.
 */
public final class SampledGaussianRdp {

    /** The fractional series stops once both new terms are below e^-30, as the reference implementations do. */
    private static final double FRACTIONAL_SERIES_CUTOFF = -30;

    private SampledGaussianRdp() {
    }

    /** RDP of one application at order {@code alpha}; may be {@code +Infinity}. */
    public static double rdp(double q, double noiseMultiplier, double alpha) {
        check(q, noiseMultiplier);
        if (!(alpha > 1)) {
            throw new BadInputException("Renyi orders must be greater than 1, was " + alpha);
        }
        if (q == 0) {
            return 0;
        }
        if (noiseMultiplier == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (q == 1) {
            return alpha / (2 * noiseMultiplier * noiseMultiplier);
        }
        if (Double.isInfinite(alpha)) {
            return Double.POSITIVE_INFINITY;
        }
        return logA(q, noiseMultiplier, alpha) / (alpha - 1);
    }

    /** RDP of {@code steps} applications at each order (composition adds RDP order by order). */
    public static double[] rdp(double q, double noiseMultiplier, long steps, double[] orders) {
        if (steps < 0) {
            throw new BadInputException("the number of steps cannot be negative, was " + steps);
        }
        double[] out = new double[orders.length];
        for (int i = 0; i < orders.length; i++) {
            out[i] = steps == 0 ? 0 : rdp(q, noiseMultiplier, orders[i]) * steps;
        }
        return out;
    }

    static void check(double q, double noiseMultiplier) {
        if (!(q >= 0 && q <= 1)) {
            throw new BadInputException("the sampling rate must be between 0 and 1, was " + q);
        }
        if (!(noiseMultiplier >= 0) || Double.isInfinite(noiseMultiplier)) {
            throw new BadInputException("the noise multiplier must be a non-negative number, was " + noiseMultiplier);
        }
    }

    /** log(A_alpha) for 0 < q < 1. */
    static double logA(double q, double sigma, double alpha) {
        if (alpha == Math.rint(alpha) && alpha < Integer.MAX_VALUE) {
            return logAIntegerOrder(q, sigma, (int) alpha);
        }
        return logAFractionalOrder(q, sigma, alpha);
    }

    /** Finite binomial expansion: sum_i C(alpha, i) q^i (1-q)^(alpha-i) exp((i^2 - i) / (2 sigma^2)). */
    static double logAIntegerOrder(double q, double sigma, int alpha) {
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        double twoSigma2 = 2 * sigma * sigma;
        double logA = Double.NEGATIVE_INFINITY;
        double logBinom = 0; // log C(alpha, 0)
        for (int i = 0; i <= alpha; i++) {
            if (i > 0) {
                logBinom += Math.log((double) (alpha - i + 1) / i);
            }
            double term = logBinom + i * logQ + (alpha - i) * log1mQ + ((double) i * i - i) / twoSigma2;
            logA = LogSpace.add(logA, term);
        }
        return logA;
    }

    /**
     * Two infinite series, over the integrals below and above z0; generalised binomial coefficients change
     * sign once i exceeds alpha + 1, so terms are added or subtracted in log space by that sign.
     */
    static double logAFractionalOrder(double q, double sigma, double alpha) {
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        double sigma2 = sigma * sigma;
        double z0 = sigma2 * Math.log(1 / q - 1) + 0.5;
        double sqrt2Sigma = Math.sqrt(2) * sigma;
        double logHalf = Math.log(0.5);

        double logA0 = Double.NEGATIVE_INFINITY;
        double logA1 = Double.NEGATIVE_INFINITY;
        double logAbsBinom = 0; // log |C(alpha, 0)|
        boolean positive = true;
        for (int i = 0; ; i++) {
            if (i > 0) {
                double factor = (alpha - i + 1) / i;
                logAbsBinom += Math.log(Math.abs(factor));
                if (factor < 0) {
                    positive = !positive;
                }
            }
            double j = alpha - i;
            double logT0 = logAbsBinom + i * logQ + j * log1mQ;
            double logT1 = logAbsBinom + j * logQ + i * log1mQ;
            double logE0 = logHalf + LogSpace.logErfc((i - z0) / sqrt2Sigma);
            double logE1 = logHalf + LogSpace.logErfc((z0 - j) / sqrt2Sigma);
            double logS0 = logT0 + ((double) i * i - i) / (2 * sigma2) + logE0;
            double logS1 = logT1 + (j * j - j) / (2 * sigma2) + logE1;
            if (positive) {
                logA0 = LogSpace.add(logA0, logS0);
                logA1 = LogSpace.add(logA1, logS1);
            } else {
                logA0 = LogSpace.subtract(logA0, logS0);
                logA1 = LogSpace.subtract(logA1, logS1);
            }
            if (Math.max(logS0, logS1) < FRACTIONAL_SERIES_CUTOFF) {
                break;
            }
            if (i > 1_000_000) {
                throw new IllegalStateException("RDP series did not converge for q=" + q + ", sigma=" + sigma
                        + ", alpha=" + alpha);
            }
        }
        return LogSpace.add(logA0, logA1);
    }
}
