package org.medfed.privacy.dp;

import org.medfed.engine.BadInputException;

/**
 * Planning a study's privacy before it runs: the noise multiplier that reaches a target epsilon over the
 * planned rounds, and how many rounds a given noise allows.
 */
public final class NoiseCalibration {

    private static final double LARGEST_NOISE = 1e6;

    private NoiseCalibration() {
    }

    /** Epsilon after {@code steps} applications of (q, sigma). */
    public static PrivacySpent epsilon(double q, double noiseMultiplier, long steps, double delta, double[] orders,
                                       EpsilonConversion conversion) {
        double[] rdp = SampledGaussianRdp.rdp(q, noiseMultiplier, steps, orders);
        return RdpAccountant.toEpsilon(orders, rdp, delta, conversion);
    }

    /**
     * The smallest noise multiplier (to a relative precision of 1e-6) whose epsilon after {@code steps}
     * applications with sampling rate {@code q} is at most {@code targetEpsilon}. Epsilon decreases as the
     * noise grows, so a bracket is doubled until it holds the target and then halved (bisection); the value
     * returned is the upper end, which always meets the target.
     */
    public static double noiseMultiplierFor(double targetEpsilon, double delta, double q, long steps,
                                            double[] orders, EpsilonConversion conversion) {
        if (!(targetEpsilon > 0) || Double.isInfinite(targetEpsilon)) {
            throw new BadInputException("the target epsilon must be a positive number, was " + targetEpsilon);
        }
        if (steps <= 0) {
            throw new BadInputException("the number of rounds must be at least 1, was " + steps);
        }
        double lo = 0;
        double hi = 1;
        while (epsilon(q, hi, steps, delta, orders, conversion).epsilon() > targetEpsilon) {
            lo = hi;
            hi *= 2;
            if (hi > LARGEST_NOISE) {
                throw new BadInputException("no noise level reaches epsilon " + targetEpsilon + " with delta " + delta
                        + " over " + steps + " rounds at sampling rate " + q
                        + "; allow a larger epsilon, fewer rounds or a smaller sampling rate");
            }
        }
        while (hi - lo > 1e-6 * hi) {
            double mid = 0.5 * (lo + hi);
            if (epsilon(q, mid, steps, delta, orders, conversion).epsilon() > targetEpsilon) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * The largest number of applications of (q, sigma) whose epsilon stays within {@code targetEpsilon}
     * (0 when even one exceeds it). RDP grows linearly with the count, so epsilon is monotone and a
     * bisection over the count finds the boundary.
     */
    public static long maxSteps(double targetEpsilon, double delta, double q, double noiseMultiplier,
                                double[] orders, EpsilonConversion conversion) {
        double[] one = SampledGaussianRdp.rdp(q, noiseMultiplier, 1, orders);
        if (exceeds(one, 1, orders, delta, conversion, targetEpsilon)) {
            return 0;
        }
        long lo = 1;
        long hi = 2;
        while (!exceeds(one, hi, orders, delta, conversion, targetEpsilon)) {
            lo = hi;
            hi *= 2;
            if (hi > (1L << 40)) {
                return Long.MAX_VALUE;
            }
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (exceeds(one, mid, orders, delta, conversion, targetEpsilon)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return lo;
    }

    private static boolean exceeds(double[] one, long steps, double[] orders, double delta,
                                   EpsilonConversion conversion, double target) {
        double[] rdp = new double[one.length];
        for (int i = 0; i < one.length; i++) {
            rdp[i] = one[i] * steps;
        }
        return RdpAccountant.toEpsilon(orders, rdp, delta, conversion).epsilon() > target;
    }
}
