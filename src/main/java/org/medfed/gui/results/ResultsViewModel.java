package org.medfed.gui.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.medfed.metrics.RocAuc;
import org.medfed.study.BaselineResult;
import org.medfed.study.ResultsTable;
import org.medfed.study.RunOutputs;
import org.medfed.study.StudyResult;

/**
 * The Results screen: federated vs each hospital alone vs pooled, the final model's confusion matrix and ROC
 * curve, exports, and the study's earlier runs. Runs are kept in the study's history as they finish.
 */
public final class ResultsViewModel {

    public static final List<String> METRICS = List.of("accuracy", "auc", "balanced_accuracy", "loss");
    /** What a segmentation is measured by (see SegmentationMetrics); a confusion matrix and ROC curve do not apply. */
    public static final List<String> SEGMENTATION_METRICS = List.of("dice", "iou", "dice_nonempty", "pixel_accuracy", "loss");

    /** A line of the comparison table: the model, then one cell per hospital, the mean and the weighted mean. */
    public record Row(String model, List<String> cells) {
    }

    private final StudyDocument document;
    private final BackgroundTasks tasks;
    private final UserDialogs dialogs;
    private final RunHistoryStore history;

    private final ObjectProperty<StudyResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<String> metric = new SimpleObjectProperty<>("accuracy");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<FinalPredictions> predictions = new SimpleObjectProperty<>();
    private final ObservableList<String> hospitalChoices = FXCollections.observableArrayList();
    private final ObjectProperty<String> hospital = new SimpleObjectProperty<>(FinalPredictions.ALL);
    private final ObjectProperty<ConfusionMatrix> confusion = new SimpleObjectProperty<>();
    private final ObservableList<RocAuc.Point> roc = FXCollections.observableArrayList();
    private final StringProperty rocTitle = new SimpleStringProperty("");
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("No run yet: press Start on the Run screen.");
    private final ObservableList<String> metricChoices = FXCollections.observableArrayList(METRICS);
    private final javafx.beans.property.BooleanProperty classification = new javafx.beans.property.SimpleBooleanProperty(true);

    public ResultsViewModel(StudyDocument document, BackgroundTasks tasks, UserDialogs dialogs, RunHistoryStore history) {
        this.document = document;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.history = history;
        metric.addListener((obs, was, is) -> fillTable());
        hospital.addListener((obs, was, is) -> fillPlots());
        predictions.addListener((obs, was, is) -> fillPlots());
        document.fileProperty().addListener((obs, was, is) -> reloadHistory());
        reloadHistory();
    }

    /** A run ended: show it, compute the plots, and keep it in the study's history. */
    public void show(StudyResult r) {
        result.set(r);
        predictions.set(null);
        if (r == null) {
            rows.clear();
            message.set("No run yet: press Start on the Run screen.");
            return;
        }
        List<String> names = r.prepared().participantNames();
        List<String> choices = new ArrayList<>();
        choices.add(FinalPredictions.ALL);
        choices.addAll(names);
        hospitalChoices.setAll(choices);
        hospital.set(FinalPredictions.ALL);
        boolean segmentation = org.medfed.study.SegmentationSamples.applies(r.prepared());
        classification.set(!segmentation);
        List<String> metrics = segmentation ? SEGMENTATION_METRICS : METRICS;
        if (!metricChoices.equals(metrics)) {
            String was = metric.get();
            metricChoices.setAll(metrics);
            metric.set(metrics.contains(was) ? was : metrics.get(0));
        }
        if (r.prepared().spec().classCount() != 2 && "auc".equals(metric.get())) {
            metric.set("accuracy");
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
            tasks.run(() -> FinalPredictions.of(r), p -> {
                if (result.get() == r) {
                    predictions.set(p);
                }
            }, e -> message.set("The confusion matrix and ROC curve could not be computed: " + e.getMessage()));
        }
        // kept beside the study that was run, and only while it is the one open (not after New or Open mid-run)
        Path studyFile = document.file() != null && document.file().equals(r.prepared().studyFile().toAbsolutePath().normalize())
                ? document.file() : null;
        if (studyFile != null && hasModel && !java.nio.file.Files.isWritable(studyFile.toAbsolutePath().getParent())) {
            message.set((message.get().isEmpty() ? "" : message.get() + " ") + "This study's folder is read-only, so "
                    + "this run is not kept in its history: save the study elsewhere (File > Save as) to keep its runs.");
        } else if (studyFile != null && hasModel) {
            tasks.run(() -> history.save(r, studyFile), dir -> reloadHistory(),
                    e -> dialogs.showError("Could not keep this run in the study's history", e));
        }
    }

    private void fillTable() {
        StudyResult r = result.get();
        if (r == null || metric.get() == null) { // null while the metric choices are replaced
            return;
        }
        ResultsTable table = ResultsTable.of(r);
        List<String> cols = new ArrayList<>(table.participants());
        cols.add("Mean");
        cols.add("Weighted mean");
        columns.setAll(cols);
        List<Row> out = new ArrayList<>();
        String m = metric.get();
        for (ResultsTable.Row row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (String p : table.participants()) {
                cells.add(NumberFields.metric(row.metric(p, m)));
            }
            cells.add(NumberFields.metric(row.mean(m)));
            cells.add(NumberFields.metric(row.mean(m + org.medfed.engine.MetricSummary.WEIGHTED)));
            out.add(new Row(modelName(row.model()), cells));
        }
        rows.setAll(out);
    }

    static String modelName(String row) {
        if (row.equals(ResultsTable.FEDERATED)) {
            return "Federated (all hospitals, data stay home)";
        }
        if (row.equals(BaselineResult.POOLED)) {
            return "Pooled (all data in one place)";
        }
        if (row.startsWith("local:")) {
            return row.substring("local:".length()) + " alone";
        }
        return row;
    }

    private void fillPlots() {
        FinalPredictions p = predictions.get();
        String h = hospital.get();
        if (p == null || h == null) {
            confusion.set(null);
            roc.clear();
            rocTitle.set("");
            return;
        }
        ConfusionMatrix m = p.confusion(h);
        var data = document.study().data();
        // the outcome's classes by the names the study gives them (Participants, Mapping tab)
        confusion.set(data == null ? m : new ConfusionMatrix(m.classes().stream().map(data::className).toList(),
                m.counts()));
        List<RocAuc.Point> curve = p.roc(h);
        roc.setAll(curve);
        rocTitle.set(curve.isEmpty() ? "ROC curve: only for two classes"
                : "ROC curve, " + h + " (AUC " + NumberFields.metric(p.auc(h)) + ")");
    }

    public void reloadHistory() {
        Path f = document.file();
        if (f == null) {
            runs.clear();
            return;
        }
        tasks.run(() -> history.list(f), runs::setAll, e -> runs.clear());
    }

    // ---- exports

    public void exportModel() {
        StudyResult r = result.get();
        if (r == null || r.history().rounds().isEmpty()) {
            return;
        }
        dialogs.chooseFolder("Export the model to a folder").ifPresent(dir -> tasks.run(() -> {
            RunOutputs.exportModel(r, dir);
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
        dialogs.chooseSaveFile("Save the comparison table", "results.csv", "csv").ifPresent(file -> tasks.run(() -> {
            org.medfed.io.AtomicFiles.write(file, ResultsTable.of(r).toCsv().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return file;
        }, f -> message.set("Saved the comparison table to " + f), e -> dialogs.showError("Could not save the table", e)));
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
    public ObservableList<String> columns() { return columns; }
    public ObservableList<Row> rows() { return rows; }
    public ObjectProperty<FinalPredictions> predictionsProperty() { return predictions; }
    public ObservableList<String> hospitalChoices() { return hospitalChoices; }
    public ObjectProperty<String> hospitalProperty() { return hospital; }
    public ObjectProperty<ConfusionMatrix> confusionProperty() { return confusion; }
    public ObservableList<RocAuc.Point> roc() { return roc; }
    public StringProperty rocTitleProperty() { return rocTitle; }
    public ObservableList<RunRecord> runs() { return runs; }
    public StringProperty messageProperty() { return message; }
}
