package org.medfed.benchmark;

import java.util.List;

/**
 * One row of a benchmark table: our figure over seeds (mean and population standard deviation, as FLamby
 * reports), the published reference beside it, wall time and the share of it spent in local training.
 */
public record BenchmarkRow(String method, String settings, List<Double> perSeed, Double reference,
                           Double referenceSd, double wallSeconds, double trainingShare) {

    public double mean() {
        return perSeed.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Population standard deviation over seeds (numpy's default, which FLamby's table uses). */
    public double sd() {
        double m = mean();
        return Math.sqrt(perSeed.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / perSeed.size());
    }
}
