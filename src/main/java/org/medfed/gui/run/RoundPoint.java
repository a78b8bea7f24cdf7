package org.medfed.gui.run;

import java.util.Map;
import org.medfed.engine.RoundRecord;

/**
 * One round's figures as the charts draw them, taken unchanged from the engine's {@link RoundRecord}.
 *
 * @param hospitalAccuracy test accuracy of the new global model at each hospital that was evaluated
 */
public record RoundPoint(int round, double accuracy, double accuracyWeighted, double loss, double trainLoss, double auc,
                         Map<String, Double> hospitalAccuracy) {

    public RoundPoint {
        hospitalAccuracy = Map.copyOf(hospitalAccuracy);
    }

    public static RoundPoint of(RoundRecord r) {
        Map<String, Double> per = new java.util.LinkedHashMap<>();
        r.test().forEach((name, e) -> {
            double a = e.metric("accuracy");
            if (!Double.isNaN(a)) {
                per.put(name, a);
            }
        });
        return new RoundPoint(r.round(), r.globalMetric("accuracy"), r.globalMetric("accuracy_weighted"),
                r.globalMetric("loss"), r.globalMetric("train_loss"), r.globalMetric("auc"), per);
    }
}
