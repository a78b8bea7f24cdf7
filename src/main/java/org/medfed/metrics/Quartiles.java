package org.medfed.metrics;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * How a figure spreads over hospitals: least, quartiles, median and greatest. The quartiles are Commons Math's
 * {@link Percentile} (its default estimate: position p(n+1)/100 between the sorted values), the one definition used
 * by {@code medfed run}'s table of many hospitals and by the workbench's band over hospitals.
 */
public record Quartiles(int count, double min, double q1, double median, double q3, double max) {

    /** The spread of the values that are numbers (NaN is left out); null when none is. */
    public static Quartiles of(double[] values) {
        double[] sorted = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return null;
        }
        Percentile p = new Percentile();
        p.setData(sorted);
        return new Quartiles(sorted.length, sorted[0], p.evaluate(25), p.evaluate(50), p.evaluate(75),
                sorted[sorted.length - 1]);
    }
}
