package org.medfed.gui.run;

import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.RoundRecord;

/**
 * One record's figures as the charts draw them (a synchronous round, or one merge of an asynchronous run), taken
 * unchanged from the engine's {@link RoundRecord}, with the bytes each hospital has moved since the run began.
 *
 * @param hospitalAccuracy test accuracy of the new global model at each hospital that was evaluated
 * @param clockSeconds     where the run stood on its clock (simulated, or measured over real nodes)
 * @param updatesApplied   hospital updates merged into the global model since the start
 * @param bytesUpSoFar     bytes each hospital has sent since the start, up to and with this record
 * @param bytesDownSoFar   bytes each hospital has been sent since the start, up to and with this record
 */
public record RoundPoint(int round, double accuracy, double accuracyWeighted, double loss, double trainLoss, double auc,
                         Map<String, Double> hospitalAccuracy, double clockSeconds, int updatesApplied,
                         Map<String, Long> bytesUpSoFar, Map<String, Long> bytesDownSoFar) {

    public RoundPoint {
        hospitalAccuracy = Map.copyOf(hospitalAccuracy);
        bytesUpSoFar = java.util.Collections.unmodifiableMap(new TreeMap<>(bytesUpSoFar));
        bytesDownSoFar = java.util.Collections.unmodifiableMap(new TreeMap<>(bytesDownSoFar));
    }

    /** The record {@code r}, following {@code previous} (null for the run's first record). */
    public static RoundPoint of(RoundRecord r, RoundPoint previous) {
        Map<String, Double> per = new java.util.LinkedHashMap<>();
        r.test().forEach((name, e) -> {
            double a = e.metric("accuracy");
            if (!Double.isNaN(a)) {
                per.put(name, a);
            }
        });
        RoundRecord.Progress p = r.progress();
        return new RoundPoint(r.round(), r.globalMetric("accuracy"), r.globalMetric("accuracy_weighted"),
                r.globalMetric("loss"), r.globalMetric("train_loss"), r.globalMetric("auc"), per, p.clockSeconds(),
                p.updatesApplied(), sum(previous == null ? Map.of() : previous.bytesUpSoFar, p.bytesUp()),
                sum(previous == null ? Map.of() : previous.bytesDownSoFar, p.bytesDown()));
    }

    private static Map<String, Long> sum(Map<String, Long> before, Map<String, Long> now) {
        Map<String, Long> out = new TreeMap<>(before);
        now.forEach((name, b) -> out.merge(name, b, Long::sum));
        return out;
    }

    /** This point's position along {@code axis}. */
    public double x(XAxis axis) {
        return switch (axis) {
            case ROUND -> round;
            case UPDATES -> updatesApplied;
            case CLOCK -> clockSeconds;
        };
    }
}
