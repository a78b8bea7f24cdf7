package org.medfed.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Value;

/**
 * Metrics of one model on one participant's split: names such as {@code accuracy}, {@code loss},
 * {@code auc}, {@code balanced_accuracy}, {@code dice}. A metric that cannot be computed (AUC with one class
 * present) is absent, not NaN.
 */
public record Evaluation(int examples, Map<String, Double> metrics) {

    private static final String EXAMPLES = "examples";
    private static final String METRIC = "metric.";
    private static final String ORDER = "order";

    public Evaluation {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }

    /** As a reply; the metrics' order travels too, since tables list them in the order the trainer gave. */
    public Params toReply() {
        Params.Builder b = Params.builder().number(EXAMPLES, examples)
                .text(ORDER, String.join(",", metrics.keySet()));
        metrics.forEach((k, v) -> b.number(METRIC + k, v));
        return b.build();
    }

    public static Evaluation fromReply(Params reply) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Params values = reply.under(METRIC);
        String order = reply.text(ORDER, "");
        if (!order.isEmpty()) {
            for (String name : order.split(",")) {
                metrics.put(name, values.number(name));
            }
        }
        for (Map.Entry<String, Value> e : values.asMap().entrySet()) {
            metrics.putIfAbsent(e.getKey(), values.number(e.getKey()));
        }
        return new Evaluation(reply.integer(EXAMPLES), metrics);
    }
}
