package org.medfed.benchmark;

import java.util.List;

/**
 * One row of a benchmark table: our figure over seeds on the protocol's split (mean and population standard
 * deviation, as FLamby reports), the same over other splits, the published reference beside it, wall time and
 * the share of it spent in local training.
 *
 * @param perSeed      headline figure of each seed on the protocol's split
 * @param perSplit     mean over seeds of each further split (empty when only the protocol's split was run)
 */
public record BenchmarkRow(String method, String settings, List<Double> perSeed, List<Double> perSplit,
                           Double reference, Double referenceSd, double wallSeconds, double trainingShare) {

    public double mean() {
        return mean(perSeed);
    }

    /** Population standard deviation over seeds (numpy's default, which FLamby's table uses). */
    public double sd() {
        return sd(perSeed);
    }

    public double splitMean() {
        return mean(perSplit);
    }

    public double splitSd() {
        return sd(perSplit);
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double sd(List<Double> values) {
        double m = mean(values);
        return Math.sqrt(values.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / values.size());
    }
}
