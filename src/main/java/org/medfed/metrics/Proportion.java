package org.medfed.metrics;

import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A count of successes out of {@code n} (patients classified correctly, positives found): the figure and its Wilson
 * score interval, which unlike the textbook p ± 1.96·SE stays inside [0, 1] and keeps its coverage on the small test
 * sets of single hospitals (Brown, Cai and DasGupta 2001).
 */
public record Proportion(int successes, int n) {

    public Proportion {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException(successes + " of " + n);
        }
    }

    public double value() {
        return n == 0 ? Double.NaN : (double) successes / n;
    }

    /** The figure with its 95% Wilson interval; no interval (and NaN) for n = 0. */
    public Estimate wilson() {
        if (n == 0) {
            return Estimate.NONE;
        }
        var ci = new WilsonScoreInterval().createInterval(n, successes, Estimate.LEVEL);
        // at 0 or n successes the bound is exactly 0 or 1; the library's arithmetic leaves it an ulp off
        return new Estimate(value(), successes == 0 ? 0 : ci.getLowerBound(), successes == n ? 1 : ci.getUpperBound());
    }

    /**
     * From a reported proportion and its n (an accuracy a hospital sent back): the count is recovered exactly,
     * since the proportion was computed as count / n.
     */
    public static Proportion fromRate(double rate, int n) {
        return new Proportion((int) Math.round(rate * n), n);
    }
}
