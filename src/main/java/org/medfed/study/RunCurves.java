package org.medfed.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medfed.metrics.Calibration;
import org.medfed.metrics.DeLong;
import org.medfed.metrics.RocAuc;

/**
 * The federated model's ROC and calibration curves on each hospital's test patients and on all of them, kept in a
 * run folder as {@code curves.json} so that a report can draw them later. Rates and bin averages only; a
 * multi-site run, whose predictions stay at the hospitals, has none.
 */
public record RunCurves(List<Curve> curves) {

    public static final String FILE = "curves.json";

    /** @param roc points as [false positive rate, true positive rate], from (0, 0) to (1, 1) */
    public record Curve(String testSet, int n, double auc, List<double[]> roc, List<Calibration.Bin> calibration) {
    }

    public static RunCurves of(Optional<TestPredictions> predictions) {
        List<Curve> out = new ArrayList<>();
        predictions.filter(TestPredictions::binary).ifPresent(p -> {
            List<String> sets = new ArrayList<>(p.hospitals());
            sets.add(TestPredictions.ALL);
            for (String h : sets) {
                out.add(curve(h, p.federated(h)));
            }
        });
        return new RunCurves(out);
    }

    public static Curve curve(String testSet, TestPredictions.Site site) {
        double[] scores = site.positiveScores();
        List<double[]> roc = RocAuc.curve(site.labels(), scores).stream()
                .map(pt -> new double[] {pt.falsePositiveRate(), pt.truePositiveRate()}).toList();
        return new Curve(testSet, site.size(), DeLong.of(site.labels(), scores).auc(), roc,
                Calibration.bins(site.labels(), scores, Calibration.BINS));
    }
}
