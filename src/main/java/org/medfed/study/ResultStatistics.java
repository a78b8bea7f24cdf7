package org.medfed.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.medfed.engine.Evaluation;
import org.medfed.io.EnglishList;
import org.medfed.metrics.BinaryCounts;
import org.medfed.metrics.ClassificationMetrics;
import org.medfed.metrics.DeLong;
import org.medfed.metrics.Estimate;
import org.medfed.metrics.McNemar;
import org.medfed.metrics.Proportion;

/**
 * How far the results can be trusted: each compared model's headline figures at each hospital with the test n and
 * 95% intervals (Wilson for accuracy, sensitivity and specificity at the model's 0.5 threshold; DeLong for AUC),
 * the federated model against each hospital's own model on that hospital's patients (exact McNemar), and warnings
 * in words. From per-patient predictions in a simulation; in a multi-site study only accuracy intervals can be
 * rebuilt from the figures the hospitals sent back, and {@link #limits()} says what is missing and why.
 */
public record ResultStatistics(List<String> hospitals, Map<String, Map<String, Figures>> figures,
                               List<Comparison> comparisons, List<String> warnings, String limits) {

    /** A protected run more than this many accuracy points below the unprotected pooled model is flagged. */
    public static final double PROTECTION_COST_POINTS = 5;

    /** A model's figures on one test set; NONE where a figure does not apply (AUC for three classes). */
    public record Figures(int n, Estimate accuracy, Estimate sensitivity, Estimate specificity, Estimate auc) {

        public Estimate get(String metric) {
            return switch (metric) {
                case "accuracy" -> accuracy;
                case "sensitivity" -> sensitivity;
                case "specificity" -> specificity;
                case "auc" -> auc;
                // the mean recall of the two classes, as ClassificationMetrics computes it where both are present
                case "balanced_accuracy" -> Double.isNaN(sensitivity.value()) || Double.isNaN(specificity.value())
                        ? Estimate.NONE : Estimate.pointOnly((sensitivity.value() + specificity.value()) / 2);
                default -> Estimate.NONE;
            };
        }
    }

    /**
     * The federated model against {@code hospital}'s own model, on that hospital's n test patients.
     *
     * @param onlyFederated patients only the federated model classified correctly
     * @param onlyAlone     patients only the hospital's own model classified correctly
     */
    public record Comparison(String hospital, int n, double federated, double alone, int onlyFederated,
                             int onlyAlone, double pValue, McNemar.Verdict verdict) {

        /** "At rural (23 test patients) the federated model is better than rural alone: accuracy 0.870 against ...". */
        public String sentence() {
            String how = switch (verdict) {
                case BETTER -> "better than";
                case WORSE -> "worse than";
                case NO_DETECTABLE_DIFFERENCE -> "not detectably different from";
            };
            return String.format(Locale.ROOT, "At %s (%d test %s) the federated model is %s %s alone: accuracy "
                    + "%.3f against %.3f; %d %s right only with federated, %d only with %s alone (exact McNemar "
                    + "p = %s).", hospital, n, n == 1 ? "patient" : "patients", how, hospital, federated, alone,
                    onlyFederated, onlyFederated == 1 ? "patient" : "patients", onlyAlone, hospital, p(pValue));
        }
    }

    /** Computes the predictions itself where it can (in a simulation): for the command line's outputs. */
    public static ResultStatistics of(StudyResult result) {
        return of(result, TestPredictions.of(result));
    }

    public static ResultStatistics of(StudyResult result, Optional<TestPredictions> predictions) {
        ResultsTable table = ResultsTable.of(result);
        List<String> hospitals = table.participants();
        Map<String, Map<String, Figures>> figures = new LinkedHashMap<>();
        List<Comparison> comparisons = new ArrayList<>();
        String limits = "";
        if (predictions.isPresent()) {
            TestPredictions p = predictions.get();
            for (String model : p.byModel().keySet()) {
                Map<String, Figures> row = new LinkedHashMap<>();
                for (String h : hospitals) {
                    TestPredictions.Site site = p.at(model, h);
                    if (site != null) {
                        row.put(h, figures(site, p.classes().size()));
                    }
                }
                TestPredictions.Site all = p.at(model, TestPredictions.ALL);
                if (all != null) {
                    row.put(TestPredictions.ALL, figures(all, p.classes().size()));
                }
                figures.put(model, row);
            }
            for (String h : hospitals) {
                TestPredictions.Site alone = p.at(BaselineResult.local(h), h);
                if (alone != null) {
                    comparisons.add(compare(h, p.federated(h), alone, p.classes().size()));
                }
            }
        } else {
            for (ResultsTable.Row row : table.rows()) {
                figures.put(row.model(), reported(row.test(), hospitals));
            }
            limits = SegmentationSamples.applies(result.prepared()) ? "" : "Only accuracy has intervals here: in a "
                    + "multi-site study each patient's prediction stays at the hospital, so sensitivity, specificity, "
                    + "the AUC's interval and the paired comparison with each hospital alone cannot be computed, nor "
                    + "an AUC over all test patients together (what stands there is the hospitals' AUCs weighted by "
                    + "test size).";
        }
        ResultStatistics partial = new ResultStatistics(hospitals, figures, comparisons, List.of(), limits);
        List<String> warnings = warnings(result.protections(), partial);
        // figures of a model that was still improving are not the federation's last word: said first, since it
        // explains the comparisons after it
        org.medfed.engine.LearningCurve.stillImproving(result.history(), result.prepared().study().strategy()
                .asynchronous()).ifPresent(note -> warnings.add(0, note));
        // first of all: a hospital listed with the results whose data never trained the model, or that has no figure
        warnings.addAll(0, withoutFigures(result.history()));
        warnings.addAll(0, untrainedBy(result.history()));
        return new ResultStatistics(hospitals, figures, comparisons, warnings, limits);
    }

    static Figures figures(TestPredictions.Site site, int classCount) {
        int n = site.size();
        int correct = 0;
        for (int k = 0; k < n; k++) {
            if (ClassificationMetrics.predictedClass(site.probabilities()[k], classCount) == site.labels()[k]) {
                correct++;
            }
        }
        Estimate accuracy = new Proportion(correct, n).wilson();
        if (classCount != 2) {
            return new Figures(n, accuracy, Estimate.NONE, Estimate.NONE, Estimate.NONE);
        }
        double[] scores = site.positiveScores();
        BinaryCounts counts = BinaryCounts.at(site.labels(), scores, BinaryCounts.DEFAULT_THRESHOLD);
        return new Figures(n, accuracy, counts.sensitivity().wilson(), counts.specificity().wilson(),
                DeLong.of(site.labels(), scores).estimate());
    }

    /** From the figures hospitals reported: accuracy's count is exact, the AUC has no interval. */
    static Map<String, Figures> reported(Map<String, Evaluation> test, List<String> hospitals) {
        Map<String, Figures> row = new LinkedHashMap<>();
        int correct = 0;
        int total = 0;
        for (String h : hospitals) {
            Evaluation e = test.get(h);
            if (e == null || Double.isNaN(e.metric("accuracy"))) {
                continue;
            }
            Proportion acc = Proportion.fromRate(e.metric("accuracy"), e.examples());
            correct += acc.successes();
            total += acc.n();
            row.put(h, new Figures(e.examples(), acc.wilson(), Estimate.NONE, Estimate.NONE,
                    Double.isNaN(e.metric("auc")) ? Estimate.NONE : Estimate.pointOnly(e.metric("auc"))));
        }
        if (total > 0) {
            row.put(TestPredictions.ALL, new Figures(total, new Proportion(correct, total).wilson(), Estimate.NONE,
                    Estimate.NONE, Estimate.NONE));
        }
        return row;
    }

    static Comparison compare(String hospital, TestPredictions.Site federated, TestPredictions.Site alone, int classCount) {
        int onlyFederated = 0;
        int onlyAlone = 0;
        int fedRight = 0;
        int aloneRight = 0;
        for (int k = 0; k < federated.size(); k++) {
            int y = federated.labels()[k];
            boolean f = ClassificationMetrics.predictedClass(federated.probabilities()[k], classCount) == y;
            boolean a = ClassificationMetrics.predictedClass(alone.probabilities()[k], classCount) == y;
            fedRight += f ? 1 : 0;
            aloneRight += a ? 1 : 0;
            if (f && !a) {
                onlyFederated++;
            } else if (a && !f) {
                onlyAlone++;
            }
        }
        int n = federated.size();
        return new Comparison(hospital, n, n == 0 ? Double.NaN : (double) fedRight / n,
                n == 0 ? Double.NaN : (double) aloneRight / n, onlyFederated, onlyAlone,
                McNemar.pValue(onlyFederated, onlyAlone), McNemar.verdict(onlyFederated, onlyAlone));
    }

    /**
     * A warning per hospital none of whose updates reached the model (its node refused every round, say): it still has
     * a column with the results, being tested, but the model learnt nothing from its patients.
     */
    public static List<String> untrainedBy(org.medfed.engine.RunHistory history) {
        int records = history.rounds().size();
        return history.neverMerged().entrySet().stream().map(e -> e.getKey() + "'s data did not train this model: "
                + "none of its updates reached it in " + records + (records == 1 ? " round" : " rounds") + " ("
                + e.getValue() + "); its figures are those of a model trained on the other hospitals' data alone")
                .toList();
    }

    /**
     * A warning per hospital that has no figure for the final federated model (its node was away for the last round's
     * test, say): its column is empty, and the means and the figure over all test patients leave it out.
     */
    static List<String> withoutFigures(org.medfed.engine.RunHistory history) {
        if (history.rounds().isEmpty()) {
            return List.of();
        }
        org.medfed.engine.RoundRecord last = history.rounds().get(history.rounds().size() - 1);
        List<String> out = new ArrayList<>();
        for (String p : history.participants()) {
            if (last.test().containsKey(p)) {
                continue;
            }
            String why = last.failures().stream().filter(f -> f.participant().equals(p)
                            && f.phase() == org.medfed.engine.ParticipantFailure.Phase.EVALUATE)
                    .map(f -> " (" + f.reason() + ")").findFirst().orElse("");
            out.add(p + " has no figures for the federated model: it was not tested after the last round" + why
                    + "; the means over hospitals and the figure over all test patients leave it out");
        }
        return out;
    }

    /** The warnings {@code stats} call for, given what protected the run. */
    static List<String> warnings(Map<String, Object> runProtections, ResultStatistics stats) {
        List<String> out = new ArrayList<>();
        Map<String, Figures> federated = stats.figures().get(ResultsTable.FEDERATED);
        if (federated == null) {
            return out;
        }
        List<LowerScore> byChance = new ArrayList<>();
        List<LowerScore> untested = new ArrayList<>();
        for (String h : stats.hospitals()) {
            Map<String, Figures> alone = stats.figures().get(BaselineResult.local(h));
            Figures f = federated.get(h);
            Figures a = alone == null ? null : alone.get(h);
            if (f == null || a == null || !(f.accuracy().value() < a.accuracy().value())) {
                continue;
            }
            Optional<Comparison> c = stats.comparisons().stream().filter(x -> x.hospital().equals(h)).findFirst();
            String figures = String.format(Locale.ROOT, "%.3f against %.3f on %d test patients",
                    f.accuracy().value(), a.accuracy().value(), f.n());
            if (c.isEmpty()) {
                untested.add(new LowerScore(h, figures, null));
                continue;
            }
            if (c.get().verdict() != McNemar.Verdict.WORSE) {
                byChance.add(new LowerScore(h, figures, p(c.get().pValue())));
                continue;
            }
            // "worse" only where the paired test says so: one patient in 38 is a lower score, not a worse model
            out.add(String.format(Locale.ROOT, "At %s the federated model is worse than %s's own model: accuracy %.3f "
                    + "against %.3f on %d test patients; the paired test finds this difference real (McNemar p = %s).",
                    h, h, f.accuracy().value(), a.accuracy().value(), f.n(), p(c.get().pValue())));
        }
        // a multi-site run: the patients' predictions stayed at the hospitals, so no difference can be tested
        int hospitals = stats.hospitals().size();
        lowerInOneSentence(untested, hospitals, "no paired test is possible without the patients' predictions.",
                "no paired test is possible without the patients' predictions.",
                "no paired test is possible without the patients' predictions.").ifPresent(out::add);
        lowerInOneSentence(byChance, hospitals, "the paired test cannot tell this from chance (McNemar p = %s).",
                "the paired test cannot tell any of these from chance (McNemar p = %s).",
                "the paired test cannot tell any of these from chance (McNemar p of " + McNemar.ALPHA
                        + " or more at each).").ifPresent(out::add);
        Map<String, Figures> pooled = stats.figures().get(BaselineResult.POOLED);
        String protections = ProtectionSummary.describe(runProtections);
        if (!protections.isEmpty() && pooled != null && pooled.get(TestPredictions.ALL) != null
                && federated.get(TestPredictions.ALL) != null) {
            double fed = federated.get(TestPredictions.ALL).accuracy().value();
            double pool = pooled.get(TestPredictions.ALL).accuracy().value();
            double points = 100 * (pool - fed);
            if (points > PROTECTION_COST_POINTS) {
                out.add(String.format(Locale.ROOT, "With %s, the federated model's accuracy over all test patients "
                        + "(%.3f) is %.1f points below the pooled model trained without protections (%.3f): more "
                        + "than the %.0f points accepted here. Compare a run without them to see what they cost.",
                        protections, fed, points, pool, PROTECTION_COST_POINTS));
            }
        }
        return out;
    }

    /** A hospital where the federated model scored lower, by a difference not shown real; {@code p} null: untested. */
    private record LowerScore(String hospital, String figures, String p) {
    }

    /**
     * One warning for all the hospitals of {@code lower}, if any: a warning per hospital for differences that are no
     * finding reads as alarm. {@code whyOne} or {@code whyMany} ends the sentence, with the p-values in place of a
     * {@code %s}; past {@value ResultsTable#MOST_COLUMNS} hospitals the sentence counts them, names the first few and
     * ends with {@code whyCounted}, since a list of hundreds of names and figures fills the screen.
     */
    private static Optional<String> lowerInOneSentence(List<LowerScore> lower, int hospitals, String whyOne,
                                                       String whyMany, String whyCounted) {
        if (lower.isEmpty()) {
            return Optional.empty();
        }
        if (lower.size() > ResultsTable.MOST_COLUMNS) {
            return Optional.of(String.format(Locale.ROOT, "At %,d of the %,d hospitals the federated model scored lower "
                    + "than the hospital's own model (accuracy at %s, ...); %s", lower.size(), hospitals,
                    String.join(", ", lower.stream().limit(3).map(l -> l.hospital() + " " + l.figures()).toList()),
                    whyCounted));
        }
        String ps = String.join(", ", lower.stream().map(LowerScore::p).filter(Objects::nonNull).toList());
        if (lower.size() == 1) {
            LowerScore l = lower.get(0);
            return Optional.of(String.format(Locale.ROOT, "At %s the federated model scored lower than %s's own model: "
                    + "accuracy %s; " + whyOne, l.hospital(), l.hospital(), l.figures(), ps));
        }
        return Optional.of(String.format(Locale.ROOT, "At %s the federated model scored lower than each hospital's own "
                + "model: accuracy %s; " + whyMany, EnglishList.of(lower.stream().map(LowerScore::hospital).toList()),
                String.join(", ", lower.stream().map(LowerScore::figures).toList()), ps));
    }

    /** A p-value as people read it: "< 0.001" for the tiny ones, two significant figures otherwise. */
    public static String p(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.2g", p);
    }

    /** The comparison at {@code hospital}, if one was made. */
    public Optional<Comparison> comparison(String hospital) {
        return comparisons.stream().filter(c -> c.hospital().equals(hospital)).findFirst();
    }

    /** A model's figures at {@code hospital} (or {@link TestPredictions#ALL}); null when not known. */
    public Figures at(String model, String hospital) {
        Map<String, Figures> row = figures.get(model);
        return row == null ? null : row.get(hospital);
    }
}
