package org.medfed.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medfed.engine.Evaluation;
import org.medfed.engine.MetricSummary;
import org.medfed.metrics.Estimate;
import org.medfed.metrics.Quartiles;

/**
 * Does federation help? One row per model (federated, each hospital alone, pooled), one column per hospital's
 * test set plus the mean over hospitals and the mean weighted by test size (and, where predictions are known, the
 * figures over all test patients together).
 */
public record ResultsTable(List<String> participants, List<Row> rows) {

    public static final String FEDERATED = "federated";
    /** Each hospital's personal model on its own test rows (a personalising strategy only). */
    public static final String PERSONALISED = "personalised";

    /** A model's test metrics at each hospital, and the means over hospitals. */
    public record Row(String model, Map<String, Evaluation> test, Map<String, Double> summary) {

        public double metric(String participant, String metric) {
            Evaluation e = test.get(participant);
            return e == null ? Double.NaN : e.metric(metric);
        }

        public double mean(String metric) {
            return summary.getOrDefault(metric, Double.NaN);
        }

        /** A hospital's own model tested at its own hospital only ({@link BaselineResult#testedAtEveryHospital}). */
        boolean testedAtHomeOnly() {
            return model.startsWith(BaselineResult.LOCAL) && test.size() == 1
                    && test.containsKey(model.substring(BaselineResult.LOCAL.length()));
        }

        /**
         * This row without its figures over all test patients (the means weighted by test size), but those of the
         * metrics in {@code kept}.
         */
        Row withoutAllPatients(Set<String> kept) {
            Map<String, Double> s = new java.util.LinkedHashMap<>(summary);
            s.keySet().removeIf(k -> k.endsWith(MetricSummary.WEIGHTED)
                    && !kept.contains(k.substring(0, k.length() - MetricSummary.WEIGHTED.length())));
            return new Row(model, test, s);
        }
    }

    public static ResultsTable of(StudyResult result) {
        List<Row> rows = new ArrayList<>();
        result.history().lastRound().ifPresent(r -> rows.add(row(FEDERATED, r.test())));
        if (!result.personal().isEmpty()) {
            rows.add(row(PERSONALISED, result.personal().test()));
        }
        for (BaselineResult b : result.baselines()) {
            Row row = row(b.row(), b.test());
            // a model tested at its own hospital only: its patients are not all patients, so no figure over them
            rows.add(row.testedAtHomeOnly() ? row.withoutAllPatients(Set.of()) : row);
        }
        return new ResultsTable(result.prepared().participantNames(), rows);
    }

    /** The row of every hospital's own model at its own hospital, in a table of the spread over hospitals. */
    public static final String EACH_ALONE = "each hospital alone";

    /**
     * The rows a table of the spread over hospitals shows: {@link #rows}, but the hospitals' own models, when each was
     * tested at its own hospital only ({@link BaselineResult#testedAtEveryHospital}), as one row of each at home
     * ({@link #EACH_ALONE}) where the first of them stood: a thousand rows of one figure each say less than the
     * spread of the thousand. Over all test patients it has the accuracy (each patient predicted by their own
     * hospital's model) but no AUC, which would rank patients scored by different models.
     */
    public List<Row> spreadRows() {
        List<Row> out = new ArrayList<>();
        Map<String, Evaluation> atHome = new java.util.HashMap<>();
        int at = -1;
        for (Row r : rows) {
            if (r.testedAtHomeOnly()) {
                at = at < 0 ? out.size() : at;
                atHome.putAll(r.test());
            } else {
                out.add(r);
            }
        }
        if (at >= 0) {
            Map<String, Evaluation> ordered = new java.util.LinkedHashMap<>();
            participants.stream().filter(atHome::containsKey).forEach(h -> ordered.put(h, atHome.get(h)));
            out.add(at, row(EACH_ALONE, ordered).withoutAllPatients(MEANS_OVER_PATIENTS));
        }
        return out;
    }

    /** The row of {@code model}, if the table has one. */
    public java.util.Optional<Row> row(String model) {
        return rows.stream().filter(r -> r.model().equals(model)).findFirst();
    }

    static Row row(String model, Map<String, Evaluation> test) {
        return new Row(model, test, MetricSummary.acrossParticipants(test));
    }

    /** The participant of results.csv's rows over every hospital's test patients together. */
    public static final String ALL_TEST_PATIENTS = "all";
    private static final String[] POOLED_METRICS = {"accuracy", "auc", "sensitivity", "specificity"};

    /**
     * Long format: model,participant,metric,value; participant "mean" and "mean_weighted" for the summaries. The
     * columns after value were added later (readers that take columns by name are unaffected): {@code n} test
     * patients, the 95% interval {@code ci_low}, {@code ci_high} (Wilson for accuracy, sensitivity and specificity,
     * DeLong for AUC; the weighted mean of accuracy is the accuracy over all test patients, so it has one too), and on
     * the federated model's accuracy at each hospital, {@code vs_hospital_alone} (better, no detectable difference,
     * worse) with the exact McNemar {@code p_value}. Sensitivity and specificity rows come from the statistics, and
     * so do the rows of participant {@code all}: every hospital's test patients pooled (an AUC over them, which the
     * weighted mean of the hospitals' AUCs is not; accuracy, sensitivity and specificity as the weighted means).
     */
    public String toCsv(ResultStatistics stats) {
        StringBuilder sb = new StringBuilder("model,participant,metric,value,n,ci_low,ci_high,vs_hospital_alone,p_value\n");
        for (Row r : rows) {
            r.test().forEach((p, e) -> {
                e.metrics().forEach((m, v) -> line(sb, r.model(), p, m, v, stats.at(r.model(), p), stats));
                ResultStatistics.Figures f = stats.at(r.model(), p);
                for (String m : new String[] {"sensitivity", "specificity"}) {
                    if (f != null && !Double.isNaN(f.get(m).value())) {
                        line(sb, r.model(), p, m, f.get(m).value(), f, stats);
                    }
                }
            });
            ResultStatistics.Figures pooled = stats.at(r.model(), TestPredictions.ALL);
            if (pooled != null) {
                for (String m : POOLED_METRICS) {
                    if (!Double.isNaN(pooled.get(m).value())) {
                        line(sb, r.model(), ALL_TEST_PATIENTS, m, pooled.get(m).value(), pooled, stats);
                    }
                }
            }
            r.summary().forEach((m, v) -> {
                if (m.endsWith(MetricSummary.WEIGHTED)) {
                    String metric = m.substring(0, m.length() - MetricSummary.WEIGHTED.length());
                    ResultStatistics.Figures all = stats.at(r.model(), TestPredictions.ALL);
                    line(sb, r.model(), "mean_weighted", metric, v, metric.equals("accuracy") ? all : null, stats);
                } else {
                    line(sb, r.model(), "mean", m, v, null, stats);
                }
            });
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String model, String participant, String metric, double v,
                             ResultStatistics.Figures f, ResultStatistics stats) {
        sb.append(RunOutputs.csv(model)).append(',').append(RunOutputs.csv(participant)).append(',').append(metric)
                .append(',').append(RunOutputs.format(v)).append(',');
        if (f != null) {
            Estimate e = f.get(metric);
            sb.append(f.n()).append(',');
            sb.append(e.hasInterval() ? RunOutputs.format(e.low()) : "").append(',');
            sb.append(e.hasInterval() ? RunOutputs.format(e.high()) : "").append(',');
        } else {
            sb.append(",,,");
        }
        var c = model.equals(FEDERATED) && metric.equals("accuracy") ? stats.comparison(participant) : java.util.Optional.<ResultStatistics.Comparison>empty();
        sb.append(c.map(x -> x.verdict().words()).orElse("")).append(',');
        sb.append(c.map(x -> RunOutputs.format(x.pValue())).orElse("")).append('\n');
    }

    /** Beyond this many hospitals a table shows their spread, not a column each (the workbench as the CLI). */
    public static final int MOST_COLUMNS = 12;

    /** The heading of the terminal's last column: the figure over every hospital's test patients together. */
    static final String ALL_PATIENTS_COLUMN = "all patients";

    /**
     * A text table of one metric for the terminal: a column per hospital, or, for a study of more than
     * {@value #MOST_COLUMNS} hospitals, the spread over them (each hospital's figure is in results.csv); then the
     * mean over hospitals and the figure over all test patients together, the one results.csv's rows of participant
     * {@value #ALL_TEST_PATIENTS} and the Results screen give (an AUC over all of them, which the weighted mean of
     * the hospitals' AUCs is not). Without predictions (a multi-site study; {@code stats} may also be null) the last
     * column is the mean weighted by test size: the same figure for a mean over patients such as accuracy, and
     * starred, with a footnote, for an AUC.
     */
    public String render(String metric, ResultStatistics stats) {
        if (participants.size() > MOST_COLUMNS) {
            return spread(metric, stats);
        }
        int first = Math.max(12, rows.stream().mapToInt(r -> r.model().length()).max().orElse(0) + 2);
        List<String> columns = new ArrayList<>(participants);
        StringBuilder sb = new StringBuilder();
        sb.append(pad(metric, first));
        for (String p : columns) {
            sb.append(pad(p, Math.max(10, p.length() + 2)));
        }
        sb.append(pad("mean", 8)).append(ALL_PATIENTS_COLUMN).append('\n');
        for (Row r : rows) {
            sb.append(pad(r.model(), first));
            for (String p : columns) {
                sb.append(pad(fmt(r.metric(p, metric)), Math.max(10, p.length() + 2)));
            }
            sb.append(pad(fmt(r.mean(metric)), 8)).append(allPatientsCell(r, metric, stats)).append('\n');
        }
        return sb.append(weightedMeanNote(metric, stats)).append(partialMeansNote(metric)).toString();
    }

    /**
     * Metrics that are a mean over test patients (or images, all of one size): their mean over hospitals weighted by
     * test size is the figure over all test patients together. An AUC is not: it ranks every patient against every
     * other.
     */
    private static final Set<String> MEANS_OVER_PATIENTS = Set.of("accuracy", "loss", "dice", "iou", "pixel_accuracy");

    /**
     * A model's figure over all test patients together.
     *
     * @param weightedMeanOnly the figure is only the hospitals' figures weighted by test size, which for this metric
     *                         is not the figure over all patients (an AUC where each patient's prediction stayed at
     *                         the hospital, in a multi-site study)
     */
    public record AllPatients(Estimate estimate, boolean weightedMeanOnly) {
    }

    /**
     * The figure over all test patients together, from the predictions where they are known ({@code stats} may be
     * null), else from the hospitals' figures weighted by test size (the same figure for a mean over patients).
     */
    public static AllPatients allPatients(Row r, String metric, ResultStatistics stats) {
        ResultStatistics.Figures all = stats == null ? null : stats.at(r.model(), TestPredictions.ALL);
        Estimate pooled = all == null ? Estimate.NONE : all.get(metric);
        if (!Double.isNaN(pooled.value())) {
            return new AllPatients(pooled, false);
        }
        double weighted = r.mean(metric + MetricSummary.WEIGHTED);
        return new AllPatients(Estimate.pointOnly(weighted),
                !Double.isNaN(weighted) && !MEANS_OVER_PATIENTS.contains(metric));
    }

    /** The terminal's cell of {@link #allPatients}: a figure that is only a weighted mean is starred. */
    private static String allPatientsCell(Row r, String metric, ResultStatistics stats) {
        AllPatients a = allPatients(r, metric, stats);
        return fmt(a.estimate().value()) + (a.weightedMeanOnly() ? "*" : "");
    }

    /**
     * A line per model whose mean leaves out hospitals without a figure (dropped out, or their evaluation failed), or
     * nothing: a "-" in a column is easily missed, and such a mean is not comparable with the others.
     */
    private String partialMeansNote(String metric) {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            if (r.testedAtHomeOnly() || Double.isNaN(r.mean(metric))) {
                continue;
            }
            List<String> without = participants.stream().filter(p -> Double.isNaN(r.metric(p, metric))).toList();
            if (!without.isEmpty()) {
                sb.append("the mean of ").append(r.model()).append(" covers ")
                        .append(participants.size() - without.size()).append(" of ").append(participants.size())
                        .append(" hospitals: ").append(String.join(", ", without)).append(without.size() == 1 ? " has"
                                : " have").append(" no figure (dropped out, or the evaluation failed)\n");
            }
        }
        return sb.toString();
    }

    /** The footnote of a table with a starred cell, or nothing. */
    private String weightedMeanNote(String metric, ResultStatistics stats) {
        if (rows.stream().noneMatch(r -> allPatients(r, metric, stats).weightedMeanOnly())) {
            return "";
        }
        String name = metric.equals("auc") ? "AUC" : metric;
        return "* the hospitals' " + name + " weighted by test size: the " + name + " over all test patients together "
                + "needs each patient's prediction, which stays at its hospital\n";
    }

    private String spread(String metric, ResultStatistics stats) {
        int first = Math.max(EACH_ALONE.length() + 2, rows.stream().mapToInt(r -> r.model().length()).max().orElse(0) + 2);
        StringBuilder sb = new StringBuilder(pad(metric, first));
        for (String h : List.of("hospitals", "min", "25%", "median", "75%", "max", "mean")) {
            sb.append(pad(h, 10));
        }
        sb.append(ALL_PATIENTS_COLUMN).append('\n');
        for (Row r : spreadRows()) {
            Quartiles q = Quartiles.of(participants.stream().mapToDouble(p -> r.metric(p, metric)).toArray());
            sb.append(pad(r.model(), first)).append(pad(String.valueOf(q == null ? 0 : q.count()), 10));
            if (q == null) {
                sb.append(pad("-", 10).repeat(5));
            } else {
                sb.append(pad(fmt(q.min()), 10)).append(pad(fmt(q.q1()), 10)).append(pad(fmt(q.median()), 10))
                        .append(pad(fmt(q.q3()), 10)).append(pad(fmt(q.max()), 10));
            }
            sb.append(pad(fmt(r.mean(metric)), 10)).append(allPatientsCell(r, metric, stats)).append('\n');
        }
        sb.append(weightedMeanNote(metric, stats)).append(partialMeansNote(metric));
        sb.append("(over ").append(participants.size()).append(" hospitals' test sets; each hospital's figure is in ")
                .append(RunOutputs.RESULTS).append(")\n");
        return sb.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.append(sb.length() > width - 1 && !s.isEmpty() && sb.charAt(sb.length() - 1) != ' ' ? " " : "").toString();
    }

    /** For summary.json: model -> participant (or mean) -> metric -> value. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            r.test().forEach((p, e) -> m.put(p, e.metrics()));
            m.put("mean", r.summary());
            out.put(r.model(), m);
        }
        return out;
    }
}
