package org.medfed.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metrics of one model on one participant's split: names such as {@code accuracy}, {@code loss},
 * {@code auc}, {@code balanced_accuracy}, {@code dice}. A metric that cannot be computed (AUC with one class
 * present) is absent, not NaN.
 */
public record Evaluation(int examples, Map<String, Double> metrics) {

    public Evaluation {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }
}
