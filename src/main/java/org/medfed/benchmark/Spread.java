package org.medfed.benchmark;

import java.util.Arrays;
import java.util.List;

/**
 * Median and range of repeated measurements. On a shared machine a single figure can be off by a factor of two;
 * the median resists one disturbed repetition and the range shows how much the machine moved.
 */
record Spread(double median, double min, double max) {

    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Spread(median, v[0], v[n - 1]);
    }

    /** Each b - a of measurements taken in pairs (same repetition). */
    static List<Double> pairedDifferences(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException(a.size() + " measurements paired with " + b.size());
        }
        Double[] out = new Double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i) - a.get(i);
        }
        return Arrays.asList(out);
    }

    /** Each b / a of measurements taken in pairs (same repetition), so that a slow moment of the machine cancels. */
    static List<Double> pairedRatios(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException(a.size() + " measurements paired with " + b.size());
        }
        Double[] out = new Double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i) / a.get(i);
        }
        return Arrays.asList(out);
    }
}
