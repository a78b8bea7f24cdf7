package org.medfed.privacy.dp;

import java.util.Arrays;
import org.medfed.engine.BadInputException;

/**
 * Tracks the privacy spent by a sequence of sampled Gaussian mechanisms (rounds of DP-FedAvg, steps of
 * DP-SGD): Renyi DP adds up order by order, and is converted to (epsilon, delta) on request.
 *
 * <p>Not thread-safe; a strategy owns one.
 */
public final class RdpAccountant {

    private final double[] orders;
    private final double[] rdp;
    private long steps;
    // the last (q, sigma) and its one-step RDP: rounds repeat the same mechanism, so this is computed once
    private double cachedQ = Double.NaN;
    private double cachedSigma = Double.NaN;
    private double[] cachedStep;

    /** An accountant over {@link RdpOrders#extended()}. */
    public RdpAccountant() {
        this(RdpOrders.extended());
    }

    public RdpAccountant(double[] orders) {
        if (orders.length == 0) {
            throw new IllegalArgumentException("no Renyi orders");
        }
        for (double a : orders) {
            if (!(a > 1)) {
                throw new IllegalArgumentException("Renyi orders must be greater than 1, got " + a);
            }
        }
        this.orders = orders.clone();
        this.rdp = new double[orders.length];
    }

    /** Records {@code count} applications of the mechanism with sampling rate q and noise multiplier sigma. */
    public void compose(double q, double noiseMultiplier, long count) {
        if (count < 0) {
            throw new BadInputException("the number of steps cannot be negative, was " + count);
        }
        double[] step = oneStep(q, noiseMultiplier);
        for (int i = 0; i < rdp.length; i++) {
            rdp[i] += step[i] * count;
        }
        steps += count;
    }

    /** The RDP one application would add, per order (cached for repeated calls with the same mechanism). */
    double[] oneStep(double q, double noiseMultiplier) {
        SampledGaussianRdp.check(q, noiseMultiplier);
        if (cachedStep == null || q != cachedQ || noiseMultiplier != cachedSigma) {
            double[] step = new double[orders.length];
            for (int i = 0; i < orders.length; i++) {
                step[i] = SampledGaussianRdp.rdp(q, noiseMultiplier, orders[i]);
            }
            cachedQ = q;
            cachedSigma = noiseMultiplier;
            cachedStep = step;
        }
        return cachedStep;
    }

    /** Epsilon for {@code delta} with the default conversion ({@link EpsilonConversion#BALLE_2020}). */
    public PrivacySpent spent(double delta) {
        return spent(delta, EpsilonConversion.BALLE_2020);
    }

    public PrivacySpent spent(double delta, EpsilonConversion conversion) {
        return toEpsilon(orders, rdp, delta, conversion);
    }

    /**
     * The epsilon this accountant would report after {@code extra} more applications of (q, sigma), without
     * recording them: for "stop before the budget is exceeded".
     */
    public PrivacySpent spentAfter(double q, double noiseMultiplier, long extra, double delta,
                                   EpsilonConversion conversion) {
        double[] step = oneStep(q, noiseMultiplier);
        double[] next = new double[rdp.length];
        for (int i = 0; i < rdp.length; i++) {
            next[i] = rdp[i] + step[i] * extra;
        }
        return toEpsilon(orders, next, delta, conversion);
    }

    /** The best (smallest) epsilon over the orders. */
    public static PrivacySpent toEpsilon(double[] orders, double[] rdp, double delta, EpsilonConversion conversion) {
        if (orders.length != rdp.length) {
            throw new IllegalArgumentException(orders.length + " orders but " + rdp.length + " RDP values");
        }
        if (!(delta > 0 && delta < 1)) {
            throw new BadInputException("delta must be between 0 and 1 (exclusive), was " + delta);
        }
        double best = Double.POSITIVE_INFINITY;
        double bestOrder = Double.NaN;
        for (int i = 0; i < orders.length; i++) {
            double e = conversion.epsilon(orders[i], rdp[i], delta);
            if (e < best) {
                best = e;
                bestOrder = orders[i];
            }
        }
        return new PrivacySpent(Math.max(0, best), delta, bestOrder);
    }

    /** How many mechanism applications have been recorded. */
    public long steps() {
        return steps;
    }

    public double[] orders() {
        return orders.clone();
    }

    public double[] rdp() {
        return rdp.clone();
    }

    /**
     * Continues from a recorded state ({@link #rdp()} and {@link #steps()} of an accountant over the same orders),
     * as a resumed run does; the values are taken exactly, so the epsilons that follow are those of a run never
     * interrupted.
     */
    public void restore(double[] recordedRdp, long recordedSteps) {
        if (recordedRdp.length != rdp.length) {
            throw new BadInputException("the saved privacy accountant has " + recordedRdp.length
                    + " Renyi orders, this one " + rdp.length);
        }
        if (recordedSteps < 0) {
            throw new BadInputException("the saved privacy accountant has a negative number of steps: "
                    + recordedSteps);
        }
        System.arraycopy(recordedRdp, 0, rdp, 0, rdp.length);
        steps = recordedSteps;
    }

    /** Forgets everything recorded (a new run). */
    public void reset() {
        Arrays.fill(rdp, 0);
        steps = 0;
    }
}
