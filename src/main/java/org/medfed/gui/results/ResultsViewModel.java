package org.medfed.gui.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.NumberFields;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.UserDialogs;
import org.medfed.metrics.BinaryCounts;
import org.medfed.metrics.Calibration;
import org.medfed.metrics.DeLong;
import org.medfed.metrics.Estimate;
import org.medfed.metrics.McNemar;
import org.medfed.metrics.Quartiles;
import org.medfed.metrics.RocAuc;
import org.medfed.runreport.StudyReport;
import org.medfed.study.ResultStatistics;
import org.medfed.study.Prediction;
import org.medfed.study.TestPredictions;
import org.medfed.study.BaselineResult;
import org.medfed.study.RemoteStudyData;
import org.medfed.study.ResultsTable;
import org.medfed.study.RunFolder;
import org.medfed.study.RunOutputs;
import org.medfed.study.StudyResult;

/**
 * The Results screen: federated vs each hospital alone vs pooled, the final model's confusion matrix and ROC
 * curve, exports, and the study's earlier runs (which the Run screen keeps as they run); an interrupted one is
 * resumed from here.
 */
public final class ResultsViewModel {

    /** The column of the mean over hospitals: one figure without an interval, so the table gives it less room. */
    public static final String MEAN_COLUMN = "Mean";

    public static final List<String> METRICS = List.of("accuracy", "auc", "sensitivity", "specificity",
            "balanced_accuracy", "loss");
    /** Metrics for two classes only. */
    static final List<String> BINARY_ONLY = List.of("auc", "sensitivity", "specificity");
    /** The test set of all hospitals' test patients together. */
    public static final String ALL = TestPredictions.ALL;

    /** A hospital's ROC curve with its AUC, one line of the overlaid ROC chart. */
    public record RocCurve(String testSet, int n, Estimate auc, List<RocAuc.Point> points) {
    }
    /** What a segmentation is measured by (see SegmentationMetrics); a confusion matrix and ROC curve do not apply. */
    public static final List<String> SEGMENTATION_METRICS = List.of("dice", "iou", "dice_nonempty", "pixel_accuracy", "loss");

    /**
     * After a figure under All test patients that is only the hospitals' figures weighted by test size (an AUC where
     * each patient's prediction stayed at its hospital): the limits note below the table says why.
     */
    static final String WEIGHTED_MEAN_ONLY = "(weighted mean)";

    /** The cells of a model a study cannot make (the pooled model of a multi-site study). */
    public static final String NOT_AVAILABLE = "not available";

    /** A line of the comparison table: the model, then one cell per hospital, the mean and the weighted mean. */
    public record Row(String model, List<String> cells) {
    }

    private final StudyDocument document;
    private final BackgroundTasks tasks;
    private final UserDialogs dialogs;
    private final RunHistoryStore history;
    private Consumer<Path> resumer;

    private final ObjectProperty<StudyResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<String> metric = new SimpleObjectProperty<>("accuracy");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<TestPredictions> predictions = new SimpleObjectProperty<>();
    private final ObjectProperty<ResultStatistics> statistics = new SimpleObjectProperty<>();
    private final ObservableList<String> hospitalChoices = FXCollections.observableArrayList();
    private final ObjectProperty<String> hospital = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<ConfusionMatrix> confusion = new SimpleObjectProperty<>();
    private final ObservableList<RocCurve> rocCurves = FXCollections.observableArrayList();
    private final ObservableList<Calibration.Bin> calibration = FXCollections.observableArrayList();
    private final javafx.beans.property.DoubleProperty threshold = new javafx.beans.property.SimpleDoubleProperty(
            BinaryCounts.DEFAULT_THRESHOLD);
    private final StringProperty thresholdSummary = new SimpleStringProperty("");
    private final ObservableList<String> comparisons = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final StringProperty limits = new SimpleStringProperty("");
    private final StringProperty pooledNote = new SimpleStringProperty("");
    private final ObjectProperty<Path> runFolder = new SimpleObjectProperty<>();
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private static final String NO_RUN = "No run yet: press Start on the Run screen.";
    private final StringProperty message = new SimpleStringProperty(NO_RUN);
    private final ObservableList<String> metricChoices = FXCollections.observableArrayList(METRICS);
    private final javafx.beans.property.BooleanProperty classification = new javafx.beans.property.SimpleBooleanProperty(true);
    private final javafx.beans.property.BooleanProperty plots = new javafx.beans.property.SimpleBooleanProperty(true);
    private final javafx.beans.property.BooleanProperty predictable = new javafx.beans.property.SimpleBooleanProperty();

    public ResultsViewModel(StudyDocument document, BackgroundTasks tasks, UserDialogs dialogs, RunHistoryStore history) {
        this.document = document;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.history = history;
        metric.addListener((obs, was, is) -> fillTable());
        hospital.addListener((obs, was, is) -> fillPlots());
        threshold.addListener((obs, was, is) -> fillPlots());
        predictions.addListener((obs, was, is) -> fillPlots());
        statistics.addListener((obs, was, is) -> {
            fillTable();
            comparisons.setAll(is == null ? List.of() : comparisonSentences(is.comparisons()));
            warnings.setAll(is == null ? List.of() : is.warnings());
            limits.set(is == null ? "" : is.limits());
        });
        document.fileProperty().addListener((obs, was, is) -> reloadHistory());
        reloadHistory();
    }

    /** A run ended, not kept in a history folder (an unsaved study): show it and compute the plots. */
    public void show(StudyResult r) {
        show(r, null);
    }

    /**
     * A run ended: show it and compute the plots; {@code kept} is the history folder its run wrote (null when it
     * was not kept), from which the report is made.
     */
    public void show(StudyResult r, Path kept) {
        result.set(r);
        predictions.set(null);
        statistics.set(null);
        runFolder.set(null);
        predictable.set(r != null && Prediction.applies(r));
        if (r == null) {
            rows.clear();
            pooledNote.set("");
            message.set(noRunMessage());
            return;
        }
        List<String> names = r.prepared().participantNames();
        List<String> choices = new ArrayList<>();
        choices.add(ALL);
        choices.addAll(names);
        hospitalChoices.setAll(choices);
        hospital.set(ALL);
        threshold.set(BinaryCounts.DEFAULT_THRESHOLD);
        boolean segmentation = org.medfed.study.SegmentationSamples.applies(r.prepared());
        classification.set(!segmentation);
        // a multi-site run has no patient's prediction here: no confusion matrix, ROC or calibration to draw
        plots.set(!segmentation && !(r.prepared().data() instanceof RemoteStudyData));
        List<String> metrics = segmentation ? SEGMENTATION_METRICS : r.prepared().spec().classCount() == 2 ? METRICS
                : METRICS.stream().filter(m -> !BINARY_ONLY.contains(m)).toList();
        if (!metricChoices.equals(metrics)) {
            String was = metric.get();
            metricChoices.setAll(metrics);
            metric.set(metrics.contains(was) ? was : metrics.get(0));
        }

        fillTable();
        boolean hasModel = !r.history().rounds().isEmpty();
        message.set(switch (r.history().status()) {
            case FINISHED -> r.baselines().isEmpty() ? "Federated model after " + r.history().rounds().size()
                    + " rounds. Tick \"Also train each hospital alone…\" on the Run screen to compare." : "";
            case CANCELLED -> "The run was stopped after " + r.history().rounds().size() + " rounds: these are the figures of that model.";
            case FAILED -> "The run failed: " + r.history().message();
        });
        if (hasModel && !segmentation) {
            tasks.run(() -> {
                var p = TestPredictions.of(r);
                return new Computed(p.orElse(null), ResultStatistics.of(r, p));
            }, c -> {
                if (result.get() == r) {
                    predictions.set(c.predictions());
                    statistics.set(c.statistics());
                }
            }, e -> message.set("The intervals, confusion matrix and ROC curve could not be computed: " + e.getMessage()));
        }
        runFolder.set(kept);
        if (kept != null) {
            reloadHistory();
        } else if (hasModel && document.file() != null
                && !java.nio.file.Files.isWritable(document.file().toAbsolutePath().getParent())) {
            message.set((message.get().isEmpty() ? "" : message.get() + " ") + "This study's folder is read-only, so "
                    + "this run is not kept in its history: save the study elsewhere (File > Save as) to keep its runs.");
        }
    }

    private record Computed(TestPredictions predictions, ResultStatistics statistics) {
    }

    /**
     * One cell per hospital, then the mean over hospitals and over all test patients. Once the statistics are in,
     * a cell reads "0.826 (0.705–0.903)": the figure and its 95% interval; headers carry each hospital's test n.
     */
    private void fillTable() {
        StudyResult r = result.get();
        if (r == null || metric.get() == null) { // null while the metric choices are replaced
            return;
        }
        ResultsTable table = ResultsTable.of(r);
        ResultStatistics stats = statistics.get();
        java.util.Map<String, Integer> testSizes = new java.util.HashMap<>();
        r.prepared().data().counts().forEach(c -> testSizes.put(c.name(), c.testSize()));
        boolean spread = table.participants().size() > ResultsTable.MOST_COLUMNS;
        List<String> cols = new ArrayList<>();
        if (spread) {
            cols.addAll(SPREAD_COLUMNS);
        } else {
            for (String p : table.participants()) {
                cols.add(p + " (n=" + testSizes.getOrDefault(p, 0) + ")");
            }
        }
        cols.add(MEAN_COLUMN);
        // the federated model's figure over all test patients is over the hospitals it was tested at
        ResultsTable.Row federated = table.rows().isEmpty() ? null : table.rows().get(0);
        int allPatients = table.participants().stream()
                .filter(p -> federated == null || federated.test().containsKey(p))
                .mapToInt(p -> testSizes.getOrDefault(p, 0)).sum();
        cols.add("All test patients (n=" + allPatients + ")");
        columns.setAll(cols);
        List<Row> out = new ArrayList<>();
        String m = metric.get();
        for (ResultsTable.Row row : spread ? table.spreadRows() : table.rows()) {
            List<String> cells = new ArrayList<>();
            double sum = 0;
            int count = 0;
            double[] values = new double[table.participants().size()];
            int i = 0;
            for (String p : table.participants()) {
                Estimate e = estimate(stats, row, p, m);
                values[i++] = e.value();
                if (!spread) {
                    cells.add(cell(e));
                }
                if (!Double.isNaN(e.value())) {
                    sum += e.value();
                    count++;
                }
            }
            if (spread) {
                cells.addAll(spreadCells(Quartiles.of(values)));
            }
            boolean fromStats = row.mean(m) != row.mean(m) && count > 0; // NaN: a figure only the statistics have
            cells.add(NumberFields.metric(fromStats ? sum / count : row.mean(m)));
            ResultsTable.AllPatients all = ResultsTable.allPatients(row, m, stats);
            cells.add(cell(all.estimate()) + (all.weightedMeanOnly() ? " " + WEIGHTED_MEAN_ONLY : ""));
            out.add(new Row(modelName(row.model()), cells));
        }
        boolean multiSite = r.prepared().data() instanceof RemoteStudyData;
        if (multiSite && !r.baselines().isEmpty()) {
            // the row is there so that its absence is explained where the reader looks for it
            out.add(new Row(modelName(BaselineResult.POOLED), java.util.Collections.nCopies(cols.size(), NOT_AVAILABLE)));
        }
        pooledNote.set(multiSite && !r.baselines().isEmpty() ? "Pooled: not available in a multi-site study: "
                + RemoteStudyData.POOLED_UNAVAILABLE + ". Each hospital alone was trained at its own node." : "");
        rows.setAll(out);
    }

    /** The columns of a study with more hospitals than {@link ResultsTable#MOST_COLUMNS}: their spread. */
    static final List<String> SPREAD_COLUMNS = List.of("Hospitals", "Lowest", "25%", "Median", "75%", "Highest");

    private static List<String> spreadCells(Quartiles q) {
        if (q == null) {
            return java.util.Collections.nCopies(SPREAD_COLUMNS.size(), "–");
        }
        return List.of(String.valueOf(q.count()), NumberFields.metric(q.min()), NumberFields.metric(q.q1()),
                NumberFields.metric(q.median()), NumberFields.metric(q.q3()), NumberFields.metric(q.max()));
    }

    /**
     * A sentence per hospital while few; beyond {@link ResultsTable#MOST_COLUMNS} how many came out each way, then
     * the hospitals where federation did worse (those a reader looks for), at most a dozen.
     */
    static List<String> comparisonSentences(List<ResultStatistics.Comparison> all) {
        if (all.size() <= ResultsTable.MOST_COLUMNS) {
            return all.stream().map(ResultStatistics.Comparison::sentence).toList();
        }
        Map<McNemar.Verdict, Long> counts = new java.util.EnumMap<>(McNemar.Verdict.class);
        all.forEach(c -> counts.merge(c.verdict(), 1L, Long::sum));
        List<String> out = new ArrayList<>();
        out.add(String.format(java.util.Locale.ROOT, "Of %,d hospitals, the federated model beats the hospital alone "
                + "at %,d, loses to it at %,d and makes no detectable difference at %,d (exact McNemar test on each "
                + "hospital's own test patients).", all.size(), counts.getOrDefault(McNemar.Verdict.BETTER, 0L),
                counts.getOrDefault(McNemar.Verdict.WORSE, 0L),
                counts.getOrDefault(McNemar.Verdict.NO_DETECTABLE_DIFFERENCE, 0L)));
        all.stream().filter(c -> c.verdict() == McNemar.Verdict.WORSE).limit(ResultsTable.MOST_COLUMNS)
                .map(ResultStatistics.Comparison::sentence).forEach(out::add);
        return out;
    }

    private static Estimate estimate(ResultStatistics stats, ResultsTable.Row row, String hospital, String metric) {
        Estimate e = stats == null ? null : figure(stats, row.model(), hospital, metric);
        return e != null && !Double.isNaN(e.value()) ? e : Estimate.pointOnly(row.metric(hospital, metric));
    }

    private static Estimate figure(ResultStatistics stats, String model, String hospital, String metric) {
        ResultStatistics.Figures f = stats.at(model, hospital);
        return f == null ? null : f.get(metric);
    }

    static String cell(Estimate e) {
        String v = NumberFields.metric(e.value());
        return e.hasInterval() ? v + " (" + NumberFields.metric(e.low()) + "–" + NumberFields.metric(e.high()) + ")" : v;
    }

    static String modelName(String row) {
        if (row.equals(ResultsTable.FEDERATED)) {
            return "Federated (all hospitals, data stay home)";
        }
        if (row.equals(BaselineResult.POOLED)) {
            return "Pooled (all data in one place)";
        }
        if (row.equals(ResultsTable.PERSONALISED)) {
            return "Personalised (each hospital's own model, kept there)";
        }
        if (row.equals(ResultsTable.EACH_ALONE)) {
            return "Each hospital alone (at its own hospital)";
        }
        if (row.startsWith(BaselineResult.LOCAL)) {
            return row.substring(BaselineResult.LOCAL.length()) + " alone";
        }
        return row;
    }

    private void fillPlots() {
        TestPredictions p = predictions.get();
        String h = hospital.get();
        if (p != null && h == null) {
            // the searchable chooser holds no value while the user types in it: what is shown stays until a pick
            return;
        }
        if (p == null || !hospitalChoices.contains(h)) {
            confusion.set(null);
            rocCurves.clear();
            calibration.clear();
            thresholdSummary.set("");
            return;
        }
        TestPredictions.Site site = p.federated(h);
        var data = document.study().data();
        // the outcome's classes by the names the study gives them (Participants, Mapping tab)
        List<String> classes = data == null ? p.classes() : p.classes().stream().map(data::className).toList();
        if (!p.binary()) {
            confusion.set(ConfusionMatrix.of(classes, site.labels(), site.probabilities()));
            rocCurves.clear();
            calibration.clear();
            thresholdSummary.set("ROC curve, calibration and threshold: only for two classes.");
            return;
        }
        double[] scores = site.positiveScores();
        double t = threshold.get();
        confusion.set(ConfusionMatrix.atThreshold(classes, site.labels(), scores, t));
        BinaryCounts at = BinaryCounts.at(site.labels(), scores, t);
        thresholdSummary.set(String.format(java.util.Locale.ROOT, "At threshold %.2f (%s when its probability is at "
                        + "least %.2f), %s, %d test patients: sensitivity %s, specificity %s.", t, classes.get(1), t,
                h, site.size(), cell(at.sensitivity().wilson()), cell(at.specificity().wilson())));
        List<RocCurve> curves = new ArrayList<>();
        // every hospital's curve while few; beyond, the chosen hospital's beside all test patients together
        List<String> sets = new ArrayList<>(p.hospitals().size() <= ResultsTable.MOST_COLUMNS ? p.hospitals()
                : h.equals(ALL) ? List.of() : List.of(h));
        sets.add(ALL);
        for (String s : sets) {
            TestPredictions.Site one = p.federated(s);
            double[] sc = one.positiveScores();
            curves.add(new RocCurve(s, one.size(), DeLong.of(one.labels(), sc).estimate(), RocAuc.curve(one.labels(), sc)));
        }
        rocCurves.setAll(curves);
        calibration.setAll(Calibration.bins(site.labels(), scores, Calibration.BINS));
    }

    /**
     * Goes on with an interrupted run of the history ({@link RunRecord#resumable()}) on the Run screen; other runs
     * are left alone.
     */
    public void resume(RunRecord record) {
        if (record != null && record.resumable() && resumer != null) {
            resumer.accept(record.folder());
        }
    }

    /** Who resumes a run: the Run screen (wired by the workbench). */
    public void resumeWith(Consumer<Path> resumer) {
        this.resumer = resumer;
    }

    public void reloadHistory() {
        Path f = document.file();
        if (f == null) {
            runs.clear();
            return;
        }
        tasks.run(() -> history.list(f), list -> {
            runs.setAll(list);
            if (result.get() == null) {
                message.set(noRunMessage());
            }
        }, e -> runs.clear());
    }

    /** What the screen says before a run: where to start one, and that an interrupted one can go on. */
    private String noRunMessage() {
        return runs.stream().anyMatch(RunRecord::resumable)
                ? "No run yet in this session: press Start on the Run screen, or Resume an interrupted run under "
                        + "\"Earlier runs\" below."
                : NO_RUN;
    }

    // ---- exports

    /**
     * Applies the run's model to new data the user picks (a CSV file, or a folder of images for an image classifier)
     * and saves the predictions where the user says, as {@code medfed predict} does; the summary comes back in words.
     */
    public void predictNewData() {
        StudyResult r = result.get();
        if (r == null || !Prediction.applies(r)) {
            return;
        }
        Path kept = runFolder.get();
        ResultStatistics stats = statistics.get();
        Optional<Path> input = Prediction.takesImages(r)
                ? dialogs.chooseFolder("Choose a folder of images to predict (its sub-folders too)")
                : dialogs.chooseTableFile("Choose a CSV file to predict with the federated model");
        if (input.isEmpty()) {
            return;
        }
        boolean perHospital = Prediction.readsEachHospitalItsOwnWay(r);
        Optional<String> from = perHospital ? whoseFile(r, input.get()) : Optional.of(NEW_SOURCE);
        if (from.isEmpty()) {
            return;
        }
        Optional<Path> output = dialogs.chooseSaveFile("Save the predictions",
                Prediction.defaultOutput(input.get()).getFileName().toString(), "csv");
        if (output.isEmpty()) {
            return;
        }
        Path in = input.get();
        Path out = output.get();
        String participant = from.get().equals(NEW_SOURCE) ? null : from.get();
        tasks.run(() -> Prediction.withRunModel(r, stats != null ? stats : ResultStatistics.of(r), kept, in, out,
                        participant),
                summary -> dialogs.showInfo("Predictions saved", predictionsSaved(r, in, out, summary)),
                e -> dialogs.showError("Could not predict", participant == null && perHospital
                        && e instanceof org.medfed.engine.BadInputException b ? b.withAdvice("If the file comes from "
                        + "one of the study's hospitals, predict it again and choose that hospital: its file is then "
                        + "read with the hospital's own import options.") : e));
    }

    /** The choice of a file that comes from none of the study's hospitals. */
    static final String NEW_SOURCE = "None of them: a new source, in the study's common format";

    /**
     * Whose file {@code input} is, for a study that reads its hospitals each their own way (import options, mapping
     * or statistics): asked, with the hospital whose data it is chosen first. Empty when the user cancels.
     */
    private Optional<String> whoseFile(StudyResult r, Path input) {
        List<String> choices = new ArrayList<>(r.prepared().study().enabledParticipants().stream()
                .map(org.medfed.project.ParticipantEntry::name).toList());
        choices.add(NEW_SOURCE);
        return dialogs.chooseOne("Predict new data", "Which hospital is " + input.getFileName() + " from?",
                "The study read each hospital's file its own way (import options, column names or the hospital's own "
                        + "standardisation): a file from one of them is read as its training file was. A file from "
                        + "elsewhere is read in the study's common format.",
                choices, Prediction.hospitalWhoseDataItIs(r, input).orElse(NEW_SOURCE));
    }

    /** What a prediction did, in words, with a caution when the file is one of the study's own hospitals' data. */
    static String predictionsSaved(StudyResult r, Path input, Path output, Prediction.Summary summary) {
        String text = summary.describe() + "\n\nSaved to " + output + (Prediction.drawsMasks(r)
                ? ": a row per image with its mask and the share of it that is foreground."
                : ": the input " + (Prediction.takesImages(r) ? "files" : "columns") + ", then the predicted class and "
                + "one probability per class.");
        Optional<String> own = summary.accuracy() == null ? Optional.empty() : Prediction.hospitalWhoseDataItIs(r, input);
        return own.map(h -> text + "\n\n" + Prediction.ownDataCaution(h)).orElse(text);
    }

    public void exportModel() {
        StudyResult r = result.get();
        if (r == null || r.history().rounds().isEmpty()) {
            return;
        }
        // taken now: while the folder is being chosen, another run can end and replace the statistics shown
        ResultStatistics shown = statistics.get();
        dialogs.chooseFolder("Export the model to a folder").ifPresent(dir -> tasks.run(() -> {
            RunOutputs.exportModel(r, shown != null ? shown : ResultStatistics.of(r), dir);
            return dir;
        }, d -> dialogs.showInfo("Model exported", "The model (model.zip for MedFed, model.onnx for any ONNX "
                + "runtime) and its model card (model-card.json) are in " + d + ". The card says which columns, encoding "
                + "and normalisation the model expects; model.onnx takes the raw columns itself."),
                e -> dialogs.showError("Could not export the model", e)));
    }

    public void exportMetricsCsv() {
        StudyResult r = result.get();
        if (r == null) {
            return;
        }
        dialogs.chooseSaveFile("Save the metrics of every round", "metrics.csv", "csv").ifPresent(file -> tasks.run(() -> {
            RunOutputs.writeMetrics(r.history(), file);
            return file;
        }, f -> message.set("Saved the metrics of every round to " + f), e -> dialogs.showError("Could not save the metrics", e)));
    }

    public void exportResultsCsv() {
        StudyResult r = result.get();
        if (r == null) {
            return;
        }
        ResultStatistics shown = statistics.get();
        dialogs.chooseSaveFile("Save the comparison table", "results.csv", "csv").ifPresent(file -> tasks.run(() -> {
            org.medfed.io.AtomicFiles.write(file, ResultsTable.of(r).toCsv(shown != null ? shown
                    : ResultStatistics.of(r)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return file;
        }, f -> message.set("Saved the comparison table to " + f), e -> dialogs.showError("Could not save the table", e)));
    }

    /**
     * Writes the run's report (see StudyReport) where the user chooses: from the run's folder in the study's history,
     * or, for a run not kept there (an unsaved study), from its outputs written to a temporary folder first.
     */
    public void saveReport() {
        StudyResult r = result.get();
        if (r == null || r.history().rounds().isEmpty()) {
            return;
        }
        Path kept = runFolder.get();
        dialogs.chooseSaveFile("Save the study report (HTML, opens in a browser and prints to PDF)", "report.html", "html")
                .ifPresent(file -> tasks.run(() -> {
                    if (kept != null) {
                        StudyReport.write(kept, file);
                        return file;
                    }
                    Path temp = java.nio.file.Files.createTempDirectory("medfed-report");
                    try {
                        try (RunFolder folder = RunFolder.create(temp, false)) {
                            folder.begin(r.prepared().study(), temp.resolve("study.json"), r.seed(), false);
                            folder.finish(r);
                        }
                        StudyReport.write(temp, file);
                    } finally {
                        try (var files = java.nio.file.Files.walk(temp)) {
                            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                                java.nio.file.Files.deleteIfExists(f);
                            }
                        }
                    }
                    return file;
                }, f -> message.set("Saved the study report to " + f + ": open it in a browser to read or print it."),
                        e -> dialogs.showError("Could not write the report", e)));
    }

    /** Asks for a PNG file and lets {@code writer} draw into it, in the background. */
    public void exportPng(String what, String suggestedName, Consumer<Path> writer) {
        dialogs.chooseSaveFile("Save the " + what + " as a picture", suggestedName, "png").ifPresent(file -> tasks.run(() -> {
            writer.accept(file);
            return file;
        }, f -> message.set("Saved the " + what + " to " + f), e -> dialogs.showError("Could not save the picture", e)));
    }

    public ObjectProperty<StudyResult> resultProperty() { return result; }
    public ObjectProperty<String> metricProperty() { return metric; }
    /** The metrics the table can show for the run shown: classification or segmentation ones. */
    public ObservableList<String> metricChoices() { return metricChoices; }
    /** False for a segmentation run, whose images are not classified: no confusion matrix or ROC curve then. */
    public javafx.beans.property.ReadOnlyBooleanProperty classificationProperty() { return classification; }
    /**
     * Whether the confusion matrix, ROC and calibration plots apply: a classification whose test patients'
     * predictions are here (not a segmentation, not a multi-site run).
     */
    public javafx.beans.property.ReadOnlyBooleanProperty plotsProperty() { return plots; }
    public ObservableList<String> columns() { return columns; }
    public ObservableList<Row> rows() { return rows; }
    public ObjectProperty<TestPredictions> predictionsProperty() { return predictions; }
    public ObjectProperty<ResultStatistics> statisticsProperty() { return statistics; }
    /** ROC curves of the federated model at every hospital and all together, overlaid in one chart. */
    public ObservableList<RocCurve> rocCurves() { return rocCurves; }
    /** The calibration of the federated model on the chosen hospital's test patients. */
    public ObservableList<Calibration.Bin> calibration() { return calibration; }
    /** The decision threshold explored on screen (the model itself decides at 0.5). */
    public javafx.beans.property.DoubleProperty thresholdProperty() { return threshold; }
    public StringProperty thresholdSummaryProperty() { return thresholdSummary; }
    /** Federated against each hospital alone, one sentence per hospital. */
    public ObservableList<String> comparisons() { return comparisons; }
    public ObservableList<String> warnings() { return warnings; }
    /** What could not be computed for this run and why, or empty. */
    public StringProperty limitsProperty() { return limits; }
    /** Whether Predict applies to the run shown (a model of table columns or of images). */
    public javafx.beans.value.ObservableBooleanValue predictableProperty() { return predictable; }
    /** Why the pooled row of a multi-site study has no figures, or empty. */
    public StringProperty pooledNoteProperty() { return pooledNote; }
    public ObservableList<String> hospitalChoices() { return hospitalChoices; }
    public ObjectProperty<String> hospitalProperty() { return hospital; }
    public ObjectProperty<ConfusionMatrix> confusionProperty() { return confusion; }
    public ObservableList<RunRecord> runs() { return runs; }
    public StringProperty messageProperty() { return message; }
}
