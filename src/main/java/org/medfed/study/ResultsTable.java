package org.medfed.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medfed.engine.Evaluation;
import org.medfed.engine.MetricSummary;

/**
 * Does federation help? One row per model (federated, each hospital alone, pooled), one column per hospital's
 * test set plus the mean over hospitals and the mean weighted by test size.
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
    }

    public static ResultsTable of(StudyResult result) {
        List<Row> rows = new ArrayList<>();
        result.history().lastRound().ifPresent(r -> rows.add(row(FEDERATED, r.test())));
        if (!result.personal().isEmpty()) {
            rows.add(row(PERSONALISED, result.personal().test()));
        }
        for (BaselineResult b : result.baselines()) {
            rows.add(row(b.row(), b.test()));
        }
        return new ResultsTable(result.prepared().participantNames(), rows);
    }

    /** The row of {@code model}, if the table has one. */
    public java.util.Optional<Row> row(String model) {
        return rows.stream().filter(r -> r.model().equals(model)).findFirst();
    }

    static Row row(String model, Map<String, Evaluation> test) {
        return new Row(model, test, MetricSummary.acrossParticipants(test));
    }

    /** Long format: model,participant,metric,value; participant "mean" and "mean_weighted" for the summaries. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("model,participant,metric,value\n");
        for (Row r : rows) {
            r.test().forEach((p, e) -> e.metrics().forEach((m, v) -> line(sb, r.model(), p, m, v)));
            r.summary().forEach((m, v) -> {
                if (m.endsWith(MetricSummary.WEIGHTED)) {
                    line(sb, r.model(), "mean_weighted", m.substring(0, m.length() - MetricSummary.WEIGHTED.length()), v);
                } else {
                    line(sb, r.model(), "mean", m, v);
                }
            });
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String model, String participant, String metric, double v) {
        sb.append(RunOutputs.csv(model)).append(',').append(RunOutputs.csv(participant)).append(',').append(metric)
                .append(',').append(RunOutputs.format(v)).append('\n');
    }

    /** A text table of one metric for the terminal. */
    public String render(String metric) {
        int first = Math.max(12, rows.stream().mapToInt(r -> r.model().length()).max().orElse(0) + 2);
        List<String> columns = new ArrayList<>(participants);
        StringBuilder sb = new StringBuilder();
        sb.append(pad(metric, first));
        for (String p : columns) {
            sb.append(pad(p, Math.max(10, p.length() + 2)));
        }
        sb.append(pad("mean", 8)).append("weighted\n");
        for (Row r : rows) {
            sb.append(pad(r.model(), first));
            for (String p : columns) {
                sb.append(pad(fmt(r.metric(p, metric)), Math.max(10, p.length() + 2)));
            }
            sb.append(pad(fmt(r.mean(metric)), 8)).append(fmt(r.mean(metric + MetricSummary.WEIGHTED))).append('\n');
        }
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
