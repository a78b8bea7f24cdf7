package org.medfed.gui.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.metrics.RocAuc;
import org.medfed.model.ModelTrainer;
import org.medfed.study.SiteData;
import org.medfed.study.StudyResult;

/**
 * The final federated model's predictions on each hospital's test patients: what the confusion matrix and the
 * ROC curve are drawn from. Computed once per run, in the background.
 */
public record FinalPredictions(List<String> classes, Map<String, int[]> labels, Map<String, float[][]> probabilities) {

    public static final String ALL = "All hospitals";

    public static FinalPredictions of(StudyResult result) {
        Map<String, int[]> labels = new LinkedHashMap<>();
        Map<String, float[][]> probs = new LinkedHashMap<>();
        var prepared = result.prepared();
        for (SiteData site : prepared.data().sites()) {
            ModelTrainer trainer = ModelTrainer.create(prepared.spec(), site.train(), site.test());
            labels.put(site.name(), site.test().labels());
            probs.put(site.name(), trainer.predict(result.history().model(), site.test()));
        }
        return new FinalPredictions(prepared.data().classes(), labels, probs);
    }

    public ConfusionMatrix confusion(String hospital) {
        if (ALL.equals(hospital)) {
            List<ConfusionMatrix> parts = new ArrayList<>();
            labels.keySet().forEach(h -> parts.add(confusion(h)));
            return ConfusionMatrix.sum(classes, parts);
        }
        return ConfusionMatrix.of(classes, labels.get(hospital), probabilities.get(hospital));
    }

    /** The ROC curve of class 1 at {@code hospital} (or all hospitals' test patients together); empty for more than two classes. */
    public List<RocAuc.Point> roc(String hospital) {
        if (classes.size() != 2) {
            return List.of();
        }
        List<String> which = ALL.equals(hospital) ? List.copyOf(labels.keySet()) : List.of(hospital);
        int n = which.stream().mapToInt(h -> labels.get(h).length).sum();
        int[] y = new int[n];
        double[] score = new double[n];
        int i = 0;
        for (String h : which) {
            int[] l = labels.get(h);
            float[][] p = probabilities.get(h);
            for (int k = 0; k < l.length; k++, i++) {
                y[i] = l[k];
                score[i] = p[k].length == 1 ? p[k][0] : p[k][1];
            }
        }
        return RocAuc.curve(y, score);
    }

    public double auc(String hospital) {
        List<RocAuc.Point> pts = roc(hospital);
        double area = 0;
        for (int k = 1; k < pts.size(); k++) {
            area += (pts.get(k).falsePositiveRate() - pts.get(k - 1).falsePositiveRate())
                    * (pts.get(k).truePositiveRate() + pts.get(k - 1).truePositiveRate()) / 2;
        }
        return pts.size() < 2 ? Double.NaN : area;
    }
}
