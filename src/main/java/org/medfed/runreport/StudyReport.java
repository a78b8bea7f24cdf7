package org.medfed.runreport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.engine.BadInputException;
import org.medfed.io.AtomicFiles;
import org.medfed.io.OutputFolder;
import org.medfed.project.JsonFiles;
import org.medfed.report.ChartImages;
import org.medfed.project.ModelCard;
import org.medfed.project.ModelCardFile;
import org.medfed.metrics.Quartiles;
import org.medfed.study.BaselineResult;
import org.medfed.study.ProtectionSummary;
import org.medfed.study.ResultsTable;
import org.medfed.study.RunCurves;
import org.medfed.study.RunFolder;

/**
 * A run as one self-contained HTML page a clinician can read, file and print to PDF from a browser: the study and
 * its settings, the participants (counts only), the protections and the privacy spent, the results with their
 * intervals and the comparison with each hospital alone, the charts (PNG images inside the page), and the model
 * card. Built from a finished run folder alone, so a report can be made again from any earlier run.
 */
public final class StudyReport {

    /** The files of a finished run folder the report is built from (see RunOutputs). */

    /** The sections every report has, by element id, in order. */
    public static final List<String> SECTIONS = List.of("study", "participants", "protections", "results", "charts",
            "model-card");

    private static final List<String> HEADLINE = List.of("accuracy", "sensitivity", "specificity", "auc");

    /** A segmentation model's figures (a U-Net's masks), in place of a classifier's. */
    private static final List<String> SEGMENTATION = List.of("dice", "dice_nonempty", "iou", "pixel_accuracy");

    private StudyReport() {
    }

    /**
     * Writes the report of {@code runDir} to {@code out} atomically: a run's, or an association study's
     * ({@code medfed gwas}); refuses a folder that is neither, or not finished.
     */
    public static void write(Path runDir, Path out) {
        Path parent = runDir.toAbsolutePath().normalize().getParent();
        if (!Files.exists(runDir.resolve(OutputFolder.MARKER)) && parent != null && OutputFolder.isFinished(parent)) {
            throw new BadInputException(runDir, null, "is a folder inside the finished run " + parent
                    + ": give the run's folder itself (medfed report " + parent + ")");
        }
        String command = OutputFolder.finished(runDir).command();
        String html = switch (command) {
            case "gwas" -> GwasReport.html(runDir);
            case "run" -> html(runDir);
            default -> throw new BadInputException(runDir, null, "holds the output of '"
                    + command + "', not a run's or an association study's: a report "
                    + "is made of the folder of a run (medfed run, the workbench's Run) or of an association study "
                    + "(medfed gwas)");
        };
        try {
            AtomicFiles.write(out, html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException(out, null, "the report could not be written: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static String html(Path runDir) {
        RunFolder.requireFinished(runDir);
        Map<String, Object> summary = JsonFiles.read(runDir.resolve("summary.json"), Map.class);
        ModelCard card = ModelCardFile.load(runDir.resolve("model"));
        List<Line> results = results(runDir.resolve("results.csv"));
        RunCurves curves = Files.isRegularFile(runDir.resolve(RunCurves.FILE))
                ? JsonFiles.read(runDir.resolve(RunCurves.FILE), RunCurves.class) : new RunCurves(List.of());
        String study = text(summary.get("study"));
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc("Study report: " + study)).append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>Study report: ").append(esc(study)).append("</h1>\n<p class=\"muted\">Run started ")
                .append(esc(readableTime(text(summary.get("started"))))).append(", finished ")
                .append(esc(readableTime(text(summary.get("finished")))))
                .append(" · ").append(esc(card.software().name() + " " + card.software().version())).append("</p>\n");
        studySection(h, summary, card);
        participants(h, card);
        protections(h, summary, card);
        resultsSection(h, results, card);
        charts(h, runDir, curves);
        modelCard(h, runDir);
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void studySection(StringBuilder h, Map<String, Object> summary, ModelCard card) {
        var t = card.training();
        var m = card.model();
        h.append("<section id=\"study\"><h2>Study and settings</h2><table class=\"kv\">");
        kv(h, "Study", text(summary.get("study")));
        kv(h, "Status", t.status() + ", " + t.roundsCompleted() + " of " + t.roundsPlanned() + " rounds");
        kv(h, "Algorithm", t.strategy() + (t.strategyParameters() == null || t.strategyParameters().isEmpty() ? ""
                : " " + t.strategyParameters()));
        kv(h, "Model", m.type() + (m.hidden() == null || m.hidden().isEmpty() ? "" : " " + m.hidden()) + ", "
                + m.parameters() + " parameters, " + m.classCount() + " classes");
        if (m.outcome() != null) {
            kv(h, "Outcome (model output: class)", m.outcome().stream()
                    .map(c -> c.output() + ": " + c.code() + (c.name() == null ? "" : " (" + c.name() + ")"))
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        kv(h, "Local training", t.localEpochs() > 0 ? t.localEpochs() + " epoch(s)" : t.localSteps() + " step(s)");
        kv(h, "Batch size, learning rate, optimiser", t.batchSize() + ", " + t.learningRate() + ", " + t.optimizer());
        kv(h, "Hospitals per round", String.format(Locale.ROOT, "%.0f%%", 100 * t.participantFraction()));
        kv(h, "Seed", String.valueOf(t.seed()));
        if (summary.get("message") != null) {
            kv(h, "Message", text(summary.get("message")));
        }
        h.append("</table></section>\n");
    }

    private static void participants(StringBuilder h, ModelCard card) {
        boolean images = card.imagePreprocessing() != null;
        String unit = images ? "images" : "patients";
        h.append("<section id=\"participants\"><h2>Participants</h2><p>Counts only: no ")
                .append(images ? "image" : "patient row").append(" left any hospital for this report.</p><table><tr>"
                + "<th>Hospital</th><th class=\"num\">Training ").append(unit).append("</th><th class=\"num\">Test ")
                .append(unit).append("</th><th class=\"num\">Weight</th></tr>");
        int train = 0;
        int test = 0;
        for (ModelCard.ParticipantInfo p : card.participants()) {
            h.append("<tr><td>").append(esc(p.name())).append("</td><td class=\"num\">").append(p.trainSize())
                    .append("</td><td class=\"num\">").append(p.testSize()).append("</td><td class=\"num\">")
                    .append(fmt(p.weight())).append("</td></tr>");
            train += p.trainSize();
            test += p.testSize();
        }
        h.append("<tr class=\"total\"><td>All</td><td class=\"num\">").append(train).append("</td><td class=\"num\">")
                .append(test).append("</td><td></td></tr></table></section>\n");
    }

    @SuppressWarnings("unchecked")
    private static void protections(StringBuilder h, Map<String, Object> summary, ModelCard card) {
        h.append("<section id=\"protections\"><h2>Protections and privacy spent</h2>");
        Map<String, Object> p = card.privacy() == null ? Map.of() : card.privacy();
        String words = ProtectionSummary.describe(p);
        h.append("<p>").append(words.isEmpty() ? "No privacy protection or robust rule was used: the aggregator saw "
                + "each hospital's model update." : esc("Protections: " + words + ".")).append("</p>");
        if (p.get("differentialPrivacy") instanceof Map<?, ?> dp && dp.get("epsilonSpent") instanceof Number eps) {
            h.append("<p><b>Privacy spent:</b> ε = ").append(fmt(eps.doubleValue())).append(" at δ = ")
                    .append(esc(text(dp.get("delta")))).append(" (client level, over the rounds run).</p>");
        }
        if (p.get("dpSgd") instanceof Map<?, ?> dp && dp.get("perHospital") instanceof Map<?, ?> per) {
            h.append("<p><b>Privacy spent (DP-SGD, per hospital, for the planned rounds):</b> ");
            List<String> parts = new ArrayList<>();
            per.forEach((name, v) -> parts.add(esc(name + ": ε = " + fmt(((Number) ((Map<String, Object>) v)
                    .get("epsilonAfterPlannedRounds")).doubleValue()))));
            h.append(String.join("; ", parts)).append(" at δ = ").append(esc(text(dp.get("delta")))).append(".</p>");
        }
        if (p.get("simulatedAttacks") != null) {
            h.append("<p class=\"warn\">This run simulated attacks by some hospitals (a robustness test): ")
                    .append(esc(text(p.get("simulatedAttacks")))).append("</p>");
        }
        if (p.get("warning") != null) {
            h.append("<p class=\"warn\">").append(esc(text(p.get("warning")))).append("</p>");
        }
        h.append("</section>\n");
    }

    /** One row of results.csv. */
    record Line(String model, String participant, String metric, double value, String n, double low, double high,
                String versus, String p) {
    }

    static List<Line> results(Path file) {
        CsvTable t = CsvReader.read(file, CsvFormat.defaults());
        List<Line> out = new ArrayList<>();
        int cn = t.findColumn("n").orElse(-1);
        int cl = t.findColumn("ci_low").orElse(-1);
        int ch = t.findColumn("ci_high").orElse(-1);
        int cv = t.findColumn("vs_hospital_alone").orElse(-1);
        int cp = t.findColumn("p_value").orElse(-1);
        for (int r = 0; r < t.rowCount(); r++) {
            out.add(new Line(t.value(r, t.columnIndex("model")), t.value(r, t.columnIndex("participant")),
                    t.value(r, t.columnIndex("metric")), number(t.value(r, t.columnIndex("value"))),
                    cn < 0 || t.value(r, cn) == null ? "" : t.value(r, cn), cl < 0 ? Double.NaN : number(t.value(r, cl)),
                    ch < 0 ? Double.NaN : number(t.value(r, ch)), cv < 0 || t.value(r, cv) == null ? "" : t.value(r, cv),
                    cp < 0 || t.value(r, cp) == null ? "" : t.value(r, cp)));
        }
        return out;
    }

    private static void resultsSection(StringBuilder h, List<Line> lines, ModelCard card) {
        h.append("<section id=\"results\"><h2>Results</h2>");
        ModelCard.Confidence conf = card.confidence();
        if (conf != null && conf.warnings() != null) {
            for (String w : conf.warnings()) {
                h.append("<p class=\"warn\">⚠ ").append(esc(w)).append("</p>");
            }
        }
        boolean segmentation = isSegmentation(lines);
        // the pooled test patients' rows; a results.csv written before them has only the weighted means
        boolean pooledRows = lines.stream().anyMatch(l -> l.participant().equals(ResultsTable.ALL_TEST_PATIENTS));
        h.append(segmentation
                ? "<p>Each figure is the mean over the hospital's own test images of the predicted mask against the "
                + "true one: Dice 2|P∩T| / (|P|+|T|) and IoU |P∩T| / |P∪T|, where an image with neither a true nor a "
                + "predicted foreground pixel scores 1; Dice on the images with a lesion leaves those images out; "
                + "pixel accuracy counts every pixel. \"All test images\" weighs each hospital by its test images.</p>"
                : "<p>Each figure is on the hospital's own test patients, with its 95% confidence interval in brackets and "
                + "the number of test patients (n). Intervals: Wilson for accuracy, sensitivity and specificity (at "
                + "the model's threshold of 0.5), DeLong for AUC. n counts the hospital's test patients (sensitivity is "
                + "computed on the positive ones among them, specificity on the negative ones). "
                + (pooledRows ? "\"All test patients\" pools every hospital's test patients.</p>"
                : "\"Hospitals, weighted\" is the mean of the hospitals' figures weighted by their test patients (this "
                + "run's results.csv is from a MedFed that did not yet pool them; an AUC there is not one over all "
                + "patients).</p>"));
        String all = segmentation ? "All test images" : pooledRows ? "All test patients" : "Hospitals, weighted";
        Map<String, Map<String, Map<String, Line>>> byModel = new LinkedHashMap<>();
        List<String> found = new ArrayList<>();
        for (Line l : lines) {
            if (l.participant().equals("mean") || (pooledRows && l.participant().equals("mean_weighted"))) {
                continue;
            }
            boolean together = l.participant().equals(pooledRows ? ResultsTable.ALL_TEST_PATIENTS : "mean_weighted");
            String set = together ? all : l.participant();
            if (!found.contains(set)) {
                found.add(set);
            }
            byModel.computeIfAbsent(l.model(), k -> new LinkedHashMap<>()).computeIfAbsent(l.metric(), k -> new LinkedHashMap<>())
                    .put(set, l);
        }
        // hospitals in the study's order, then all test patients together
        List<String> sets = new ArrayList<>(card.participants().stream().map(ModelCard.ParticipantInfo::name)
                .filter(found::contains).toList());
        found.stream().filter(s -> !sets.contains(s) && !s.equals(all)).forEach(sets::add);
        sets.add(all);
        boolean spread = sets.size() - 1 > ResultsTable.MOST_COLUMNS;
        for (String metric : segmentation ? SEGMENTATION : HEADLINE) {
            if (byModel.values().stream().noneMatch(m -> m.containsKey(metric))) {
                continue;
            }
            if (spread) {
                spreadTable(h, metric, byModel, sets.subList(0, sets.size() - 1), all);
                continue;
            }
            h.append("<h3>").append(esc(metricName(metric))).append("</h3><table><tr><th>Model trained on</th>");
            for (String s : sets) {
                h.append("<th class=\"num\">").append(esc(s)).append("</th>");
            }
            h.append("</tr>");
            byModel.forEach((model, metrics) -> {
                Map<String, Line> row = metrics.get(metric);
                if (row == null) {
                    return;
                }
                h.append("<tr><td>").append(esc(modelName(model))).append("</td>");
                for (String s : sets) {
                    Line l = row.get(s);
                    h.append("<td class=\"num\">").append(l == null ? "–" : cell(l)).append("</td>");
                }
                h.append("</tr>");
            });
            h.append("</table>");
        }
        if (conf != null && conf.comparisons() != null && !conf.comparisons().isEmpty()) {
            h.append("<h3>Federated against each hospital alone</h3><p>On each hospital's own test patients, the "
                    + "patients that only one of the two models classified correctly are compared (exact McNemar "
                    + "test; a difference is called real below p = 0.05).</p><table><tr><th>Hospital</th>"
                    + "<th class=\"num\">n</th><th class=\"num\">Federated</th><th class=\"num\">Hospital alone</th>"
                    + "<th class=\"num\">Right only with federated / alone</th><th class=\"num\">p</th>"
                    + "<th>Federated is</th></tr>");
            for (ModelCard.PairedComparison c : conf.comparisons()) {
                h.append("<tr><td>").append(esc(c.hospital())).append("</td><td class=\"num\">").append(c.n())
                        .append("</td><td class=\"num\">").append(fmt(c.federatedAccuracy())).append("</td><td class=\"num\">")
                        .append(fmt(c.aloneAccuracy())).append("</td><td class=\"num\">").append(c.onlyFederatedRight())
                        .append(" / ").append(c.onlyAloneRight()).append("</td><td class=\"num\">")
                        .append(esc(org.medfed.study.ResultStatistics.p(c.pValue()))).append("</td><td><b>")
                        .append(esc(c.verdict())).append("</b></td></tr>");
            }
            h.append("</table>");
        }
        if (conf != null && conf.limits() != null) {
            h.append("<p class=\"muted\">").append(esc(conf.limits())).append("</p>");
        }
        h.append("</section>\n");
    }

    /**
     * A metric's table for a study of more hospitals than a table has room for: each model's spread over the
     * hospitals, as the Results screen and the terminal show it, with the hospitals' own models tested at home as one
     * row (the figure at each hospital is in results.csv).
     */
    private static void spreadTable(StringBuilder h, String metric, Map<String, Map<String, Map<String, Line>>> byModel,
                                    List<String> hospitals, String all) {
        h.append("<h3>").append(esc(metricName(metric))).append("</h3><table><tr><th>Model trained on</th>");
        for (String c : List.of("Hospitals", "Lowest", "25%", "Median", "75%", "Highest", all)) {
            h.append("<th class=\"num\">").append(esc(c)).append("</th>");
        }
        h.append("</tr>");
        Map<String, double[]> rows = new LinkedHashMap<>();
        Map<String, Line> together = new LinkedHashMap<>();
        List<Double> atHome = new ArrayList<>();
        byModel.forEach((model, metrics) -> {
            Map<String, Line> row = metrics.get(metric);
            if (row == null) {
                return;
            }
            List<String> tested = hospitals.stream().filter(row::containsKey).toList();
            if (model.startsWith(BaselineResult.LOCAL) && tested.equals(List.of(model.substring(BaselineResult.LOCAL.length())))) {
                rows.putIfAbsent(ResultsTable.EACH_ALONE, null);
                atHome.add(row.get(tested.get(0)).value());
                return;
            }
            rows.put(model, tested.stream().mapToDouble(x -> row.get(x).value()).toArray());
            together.put(model, row.get(all));
        });
        rows.forEach((model, values) -> {
            double[] v = values != null ? values : atHome.stream().mapToDouble(Double::doubleValue).toArray();
            Quartiles q = Quartiles.of(v);
            h.append("<tr><td>").append(esc(modelName(model))).append("</td><td class=\"num\">")
                    .append(q == null ? 0 : q.count()).append("</td>");
            for (double x : q == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                    : new double[] {q.min(), q.q1(), q.median(), q.q3(), q.max()}) {
                h.append("<td class=\"num\">").append(Double.isNaN(x) ? "–" : fmt(x)).append("</td>");
            }
            Line l = together.get(model);
            h.append("<td class=\"num\">").append(l == null ? "–" : cell(l)).append("</td></tr>");
        });
        h.append("</table><p class=\"muted\">The spread over ").append(String.format(Locale.ROOT, "%,d", hospitals.size()))
                .append(" hospitals' test sets; "
                + "each hospital's figure is in results.csv.</p>");
    }

    private static boolean isSegmentation(List<Line> lines) {
        return lines.stream().anyMatch(l -> l.metric().equals("dice"));
    }

    private static String cell(Line l) {
        String v = fmt(l.value());
        if (!Double.isNaN(l.low()) && !Double.isNaN(l.high())) {
            v += " <span class=\"ci\">(" + fmt(l.low()) + "–" + fmt(l.high()) + ")</span>";
        }
        if (!l.n().isEmpty()) {
            v += " <span class=\"n\">n=" + esc(l.n()) + "</span>";
        }
        return v;
    }

    private static void charts(StringBuilder h, Path runDir, RunCurves curves) {
        h.append("<section id=\"charts\"><h2>Charts</h2>");
        CsvTable metrics = CsvReader.read(runDir.resolve("metrics.csv"), CsvFormat.defaults());
        List<double[]> acc = new ArrayList<>();
        List<double[]> auc = new ArrayList<>();
        List<double[]> dice = new ArrayList<>();
        for (int r = 0; r < metrics.rowCount(); r++) {
            if (!"global".equals(metrics.value(r, metrics.columnIndex("participant")))
                    || !"test".equals(metrics.value(r, metrics.columnIndex("split")))) {
                continue;
            }
            String m = metrics.value(r, metrics.columnIndex("metric"));
            double[] point = {number(metrics.value(r, metrics.columnIndex("round"))),
                    number(metrics.value(r, metrics.columnIndex("value")))};
            if (m.equals("accuracy") && !Double.isNaN(point[1])) {
                acc.add(point);
            } else if (m.equals("auc") && !Double.isNaN(point[1])) {
                auc.add(point);
            } else if (m.equals("dice") && !Double.isNaN(point[1])) {
                dice.add(point);
            }
        }
        if (acc.isEmpty() && !dice.isEmpty()) {
            // a segmentation model: its masks' overlap is what improves round by round
            h.append(image(ChartImages.png("Global model per round", "Round", "Dice", List.of(
                    line("Dice (mean over hospitals)", dice)), true, false, false, 700, 420), "chart-rounds",
                    "Dice of the global model's masks after each round"));
        } else {
            List<ChartImages.Line> perRound = new ArrayList<>(List.of(line("Accuracy (mean over hospitals)", acc)));
            if (!auc.isEmpty()) {
                perRound.add(line("AUC (mean over hospitals)", auc));
            }
            h.append(image(ChartImages.png("Global model per round", "Round", auc.isEmpty() ? "Accuracy"
                    : "Accuracy and AUC", perRound, true, false, false, 700, 420), "chart-rounds",
                    "Accuracy of the global model after each round"));
        }
        if (!curves.curves().isEmpty()) {
            List<ChartImages.Line> roc = new ArrayList<>();
            List<ChartImages.Line> cal = new ArrayList<>();
            for (RunCurves.Curve c : curves.curves()) {
                roc.add(line(c.testSet() + " (AUC " + fmt(c.auc()) + ", n=" + c.n() + ")", c.roc()));
                cal.add(line(c.testSet(), c.calibration().stream()
                        .map(b -> new double[] {b.meanPredicted(), b.observed()}).toList()));
            }
            ChartImages.Line diagonal = new ChartImages.Line("Chance / perfect calibration", new double[] {0, 1},
                    new double[] {0, 1});
            roc.add(diagonal);
            cal.add(diagonal);
            h.append(image(ChartImages.png("ROC curves of the federated model", "False positive rate (1 - specificity)",
                    "True positive rate (sensitivity)", roc, false, true, false, 700, 420), "chart-roc",
                    "ROC curves of the federated model at each hospital"));
            h.append(image(ChartImages.png("Calibration of the federated model", "Predicted probability",
                    "Observed share of positives", cal, false, true, true, 700, 420), "chart-calibration",
                    "Calibration: predicted probability against observed share"));
            h.append("<p class=\"muted\">Calibration: patients grouped in ten bins of predicted probability; a "
                    + "well calibrated model lies on the diagonal.</p>");
        }
        h.append("</section>\n");
    }

    private static ChartImages.Line line(String name, List<double[]> points) {
        return new ChartImages.Line(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    }

    private static String image(byte[] png, String id, String alt) {
        return "<figure><img id=\"" + id + "\" width=\"700\" height=\"420\" alt=\"" + esc(alt)
                + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"></figure>";
    }

    private static void modelCard(StringBuilder h, Path runDir) {
        String json;
        try {
            json = Files.readString(runDir.resolve("model").resolve(ModelCardFile.NAME), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(runDir.resolve("model").resolve(ModelCardFile.NAME), null,
                    "could not be read: " + e.getMessage(), e);
        }
        h.append("<section id=\"model-card\"><h2>Model card</h2><p>What the exported model expects and how it was "
                + "made, as saved beside it (model/").append(ModelCardFile.NAME).append(").</p><pre>")
                .append(esc(json)).append("</pre></section>\n");
    }

    private static void kv(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    static String metricName(String metric) {
        return switch (metric) {
            case "accuracy" -> "Accuracy";
            case "sensitivity" -> "Sensitivity (at threshold 0.5)";
            case "specificity" -> "Specificity (at threshold 0.5)";
            case "auc" -> "AUC (area under the ROC curve)";
            case "dice" -> "Dice (overlap of predicted and true masks)";
            case "dice_nonempty" -> "Dice on the images with a lesion";
            case "iou" -> "IoU (intersection over union)";
            case "pixel_accuracy" -> "Pixel accuracy";
            default -> metric;
        };
    }

    static String modelName(String row) {
        if (row.equals("federated")) {
            return "Federated (all hospitals, data stay home)";
        }
        if (row.equals("pooled")) {
            return "Pooled (all data in one place)";
        }
        if (row.equals(ResultsTable.EACH_ALONE)) {
            return "Each hospital alone (at its own hospital)";
        }
        return row.startsWith(BaselineResult.LOCAL) ? row.substring(BaselineResult.LOCAL.length()) + " alone" : row;
    }

    private static double number(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    /** "2026-12-06 21:37:05 UTC" for the files' "2026-12-06T21:37:05.421723Z"; what is no instant, as it is. */
    static String readableTime(String iso) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", java.util.Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:980px;margin:24px auto;padding:0 16px;color:#1b1b1b;line-height:1.45}
            h1{font-size:26px;margin-bottom:4px}h2{font-size:20px;border-bottom:2px solid #0072b2;padding-bottom:4px;margin-top:32px}
            h3{font-size:16px;margin:18px 0 6px}table{border-collapse:collapse;margin:8px 0;font-size:14px}
            th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f0f4f8}
            td.num,th.num{text-align:right}tr.total td{font-weight:bold}.kv th{width:260px}
            .ci{color:#444}.n{color:#666;font-size:12px}.muted{color:#555}
            .warn{background:#fff4e5;border-left:4px solid #d55e00;padding:8px 12px}
            pre{background:#f6f6f6;padding:10px;font-size:11px;white-space:pre-wrap;word-break:break-word}
            figure{margin:12px 0}img{max-width:100%;height:auto;border:1px solid #ddd}
            @media print{body{margin:0;max-width:none}h2{break-after:avoid}figure,table{break-inside:avoid}pre{font-size:9px}}
            """;
}
