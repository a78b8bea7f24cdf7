package org.medfed.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfed.engine.ModelVector;
import org.medfed.model.ModelTrainer;

/**
 * Every compared model's predictions on each hospital's test patients (federated, each hospital alone, pooled, and
 * for a personalising strategy each hospital's own model on its own patients):
 * what the intervals, the paired comparisons, the confusion matrix, the ROC and calibration curves are computed
 * from. Only a simulation has them: in a multi-site study the rows, and so the per-patient predictions, stay at the
 * hospitals, and only each hospital's reported figures are known.
 */
public record TestPredictions(List<String> classes, List<String> hospitals, Map<String, Map<String, Site>> byModel) {

    /** The hospitals' test patients together. */
    public static final String ALL = "All hospitals";

    /** One model's predictions at one hospital: true labels and class probabilities, patient by patient. */
    public record Site(int[] labels, float[][] probabilities) {

        public int size() {
            return labels.length;
        }

        /** The probability of class 1, for two classes. */
        public double[] positiveScores() {
            double[] s = new double[labels.length];
            for (int k = 0; k < s.length; k++) {
                float[] p = probabilities[k];
                s[k] = p.length == 1 ? p[0] : p[1];
            }
            return s;
        }
    }

    /** Empty for a multi-site study, a segmentation, or a run that stopped before its first round. */
    public static Optional<TestPredictions> of(StudyResult result) {
        PreparedStudy prepared = result.prepared();
        if (prepared.data() instanceof RemoteStudyData || SegmentationSamples.applies(prepared)
                || result.history().rounds().isEmpty()) {
            return Optional.empty();
        }
        Map<String, ModelVector> models = new LinkedHashMap<>();
        models.put(ResultsTable.FEDERATED, result.history().model());
        for (BaselineResult b : result.baselines()) {
            models.put(b.row(), b.model());
        }
        Map<String, Map<String, Site>> byModel = new LinkedHashMap<>();
        List<String> hospitals = new ArrayList<>();
        int count = prepared.data().sites().size();
        for (SiteData site : prepared.data().sites()) {
            hospitals.add(site.name());
            ModelTrainer trainer = ModelTrainer.create(prepared.spec(), site.train(), site.test());
            models.forEach((row, model) -> {
                if (BaselineResult.testedAt(row, site.name(), count)) {
                    byModel.computeIfAbsent(row, r -> new LinkedHashMap<>())
                            .put(site.name(), new Site(site.test().labels(), trainer.predict(model, site.test())));
                }
            });
            ModelVector own = result.personalModels().get(site.name());
            if (own != null && result.personalModels().size() == prepared.data().sites().size()) {
                // each hospital's personal model on its own test patients only
                byModel.computeIfAbsent(ResultsTable.PERSONALISED, r -> new LinkedHashMap<>())
                        .put(site.name(), new Site(site.test().labels(), trainer.predict(own, site.test())));
            }
        }
        return Optional.of(new TestPredictions(prepared.data().classes(), hospitals, byModel));
    }

    /** The federated model's predictions at {@code hospital}, or at all hospitals together for {@link #ALL}. */
    public Site federated(String hospital) {
        return at(ResultsTable.FEDERATED, hospital);
    }

    /**
     * A model's predictions at {@code hospital}, or at all hospitals together for {@link #ALL}; null if none (for
     * {@link #ALL}, when the model was not tested at every hospital).
     */
    public Site at(String model, String hospital) {
        Map<String, Site> sites = byModel.get(model);
        if (sites == null) {
            return null;
        }
        if (!ALL.equals(hospital)) {
            return sites.get(hospital);
        }
        if (!sites.keySet().containsAll(hospitals)) {
            return null;
        }
        int n = sites.values().stream().mapToInt(Site::size).sum();
        int[] labels = new int[n];
        float[][] probs = new float[n][];
        int i = 0;
        for (String h : hospitals) {
            Site s = sites.get(h);
            System.arraycopy(s.labels(), 0, labels, i, s.size());
            System.arraycopy(s.probabilities(), 0, probs, i, s.size());
            i += s.size();
        }
        return new Site(labels, probs);
    }

    public boolean binary() {
        return classes.size() == 2;
    }
}
