package org.medfed.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Combines per-participant evaluations into the global figures of a round. */
public final class MetricSummary {

    /** Suffix of the example-weighted variant of a metric. */
    public static final String WEIGHTED = "_weighted";

    private MetricSummary() {
    }

    /**
     * For each metric: the unweighted mean over participants that report it (the headline figure of
     * benchmarks such as FLamby), and the mean weighted by their example counts under {@code name_weighted}.
     */
    public static Map<String, Double> acrossParticipants(Map<String, Evaluation> evaluations) {
        TreeSet<String> names = new TreeSet<>();
        evaluations.values().forEach(e -> names.addAll(e.metrics().keySet()));
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : names) {
            double sum = 0;
            double weightedSum = 0;
            int count = 0;
            long weight = 0;
            // TreeMap order of participants would also do; the caller passes a sorted map
            for (Evaluation e : evaluations.values()) {
                Double v = e.metrics().get(name);
                if (v == null || v.isNaN()) {
                    continue;
                }
                sum += v;
                count++;
                weightedSum += v * e.examples();
                weight += e.examples();
            }
            if (count > 0) {
                out.put(name, sum / count);
                if (weight > 0) {
                    out.put(name + WEIGHTED, weightedSum / weight);
                }
            }
        }
        return out;
    }
}
