package org.medfed.gui.results;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.medfed.engine.RoundRecord;
import org.medfed.gui.common.Charts;
import org.medfed.gui.common.NumberFields;
import org.medfed.gui.common.ResettableChart;
import org.medfed.metrics.RocAuc;
import org.medfed.report.ChartFiles;

/** The Results screen: comparison table, confusion matrix, ROC curve, exports and run history. */
public final class ResultsView {

    private final ResultsViewModel vm;
    private final ScrollPane root;
    private final TableView<ResultsViewModel.Row> table = new TableView<>(null);
    private final GridPane matrix = new GridPane();
    private final XYSeriesCollection rocData = new XYSeriesCollection();
    private final XYSeriesCollection calibrationData = new XYSeriesCollection();
    private final JFreeChart rocChart;
    private final ResettableChart rocView;
    private final ResettableChart calibrationView;
    private final VBox content;

    public ResultsView(ResultsViewModel vm) {
        this.vm = vm;
        Label message = new Label();
        message.setId("results-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());

        ComboBox<String> metric = new ComboBox<>(vm.metricChoices());
        metric.setId("results-metric");
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        Button exportModel = new Button("Export model…");
        exportModel.setId("results-export-model");
        exportModel.getStyleClass().add("primary");
        exportModel.setOnAction(e -> vm.exportModel());
        Button metricsCsv = new Button("Metrics per round (CSV)…");
        metricsCsv.setTooltip(new javafx.scene.control.Tooltip("Every round's figures at every hospital (metrics.csv)"));
        metricsCsv.setId("results-export-metrics");
        metricsCsv.setOnAction(e -> vm.exportMetricsCsv());
        Button tableCsv = new Button("Table (CSV)…");
        tableCsv.setTooltip(new javafx.scene.control.Tooltip("The comparison table below, with intervals (results.csv)"));
        tableCsv.setId("results-export-table");
        tableCsv.setOnAction(e -> vm.exportResultsCsv());
        Button rocPng = new Button("ROC (PNG)…");
        rocPng.setTooltip(new javafx.scene.control.Tooltip("The ROC curves below, as a picture"));
        rocPng.setId("results-export-roc");
        Button accuracyPng = new Button("Accuracy (PNG)…");
        accuracyPng.setTooltip(new javafx.scene.control.Tooltip("The chart of accuracy per round, as a picture"));
        accuracyPng.setId("results-export-accuracy");
        Button report = new Button("Save report (HTML)…");
        report.setId("results-report");
        report.getStyleClass().add("primary");
        report.setTooltip(new javafx.scene.control.Tooltip("One page with the study, settings, participants' counts, "
                + "protections, results with intervals, charts and the model card: opens in a browser, prints to PDF"));
        report.setOnAction(e -> vm.saveReport());
        for (Button b : List.of(exportModel, metricsCsv, tableCsv, rocPng, accuracyPng, report)) {
            b.disableProperty().bind(vm.resultProperty().isNull());
        }
        Button predict = new Button("Predict new data…");
        predict.setId("results-predict");
        predict.setTooltip(new javafx.scene.control.Tooltip("Applies the federated model to a new CSV file (or a "
                + "folder of images) prepared as in training, and saves a prediction per row with its probabilities"));
        predict.disableProperty().bind(javafx.beans.binding.Bindings.not(vm.predictableProperty()));
        predict.setOnAction(e -> vm.predictNewData());
        // the four saves share one word, so that the row fits a 1360-pixel window
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(8, 6, new Label("Metric"), metric, report,
                exportModel, predict, new Label("Save"), metricsCsv, tableCsv, rocPng, accuracyPng);
        top.setAlignment(Pos.CENTER_LEFT);

        VBox warnings = new VBox(4);
        warnings.setId("results-warnings");
        vm.warnings().addListener((ListChangeListener<String>) c -> {
            warnings.getChildren().clear();
            for (String w : vm.warnings()) {
                Label l = new Label("⚠ Warning: " + w);
                l.setWrapText(true);
                l.getStyleClass().add("result-warning");
                warnings.getChildren().add(l);
            }
        });
        warnings.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(warnings.getChildren()));
        Label limits = new Label();
        limits.setId("results-limits");
        limits.setWrapText(true);
        limits.getStyleClass().add("muted");
        limits.textProperty().bind(vm.limitsProperty());
        limits.managedProperty().bind(limits.textProperty().isNotEmpty());
        Label pooledNote = new Label();
        pooledNote.setId("results-pooled-note");
        pooledNote.setWrapText(true);
        pooledNote.textProperty().bind(vm.pooledNoteProperty());
        pooledNote.managedProperty().bind(pooledNote.textProperty().isNotEmpty());
        VBox comparisons = new VBox(4);
        comparisons.setId("results-comparisons");
        Label comparisonsTitle = title("Federated against each hospital alone, on that hospital's own test patients");
        vm.comparisons().addListener((ListChangeListener<String>) c -> {
            comparisons.getChildren().clear();
            for (String sentence : vm.comparisons()) {
                Label l = new Label((sentence.contains(" worse than ") ? "▼ " : sentence.contains(" better than ") ? "▲ "
                        : "= ") + sentence);
                l.setWrapText(true);
                comparisons.getChildren().add(l);
            }
        });
        comparisonsTitle.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.comparisons()));
        comparisonsTitle.managedProperty().bind(comparisonsTitle.visibleProperty());
        Label intervalsNote = new Label("In brackets: 95% confidence interval (Wilson for accuracy, sensitivity and "
                + "specificity; DeLong for AUC). n: test patients. All test patients: every hospital's test patients "
                + "pooled (until the intervals are in, the hospitals' figures weighted by their test patients).");
        intervalsNote.setWrapText(true);
        intervalsNote.getStyleClass().add("muted");

        table.setId("results-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("The comparison appears here when a run ends."));
        table.setPrefHeight(230);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        vm.columns().addListener((ListChangeListener<String>) c -> fillColumns());
        Label tableTitle = title("Does federation help? Test results at each hospital");

        // searchable, as the Run screen's picker: a study of a thousand hospitals is not scrolled through
        ComboBox<String> hospital = new SearchableComboBox<>(vm.hospitalChoices());
        hospital.setId("results-hospital");
        hospital.valueProperty().bindBidirectional(vm.hospitalProperty());
        matrix.setId("results-confusion");
        matrix.setHgap(2);
        matrix.setVgap(2);
        vm.confusionProperty().addListener((obs, was, is) -> fillMatrix(is));
        javafx.scene.control.Slider threshold = new javafx.scene.control.Slider(0.01, 0.99, 0.5);
        threshold.setId("results-threshold");
        threshold.setShowTickMarks(true);
        threshold.setMajorTickUnit(0.1);
        threshold.valueProperty().bindBidirectional(vm.thresholdProperty());
        Label thresholdValue = new Label();
        thresholdValue.textProperty().bind(vm.thresholdProperty().asString(java.util.Locale.ROOT, "%.2f"));
        Label thresholdSummary = new Label();
        thresholdSummary.setId("results-threshold-summary");
        thresholdSummary.setWrapText(true);
        thresholdSummary.setMaxWidth(420);
        thresholdSummary.textProperty().bind(vm.thresholdSummaryProperty());
        HBox thresholdRow = new HBox(8, new Label("Decision threshold"), threshold, thresholdValue);
        thresholdRow.setAlignment(Pos.CENTER_LEFT);
        VBox confusionBox = new VBox(8, title("Confusion matrix of the federated model"),
                new HBox(8, new Label("Test patients of"), hospital), matrix, thresholdRow, thresholdSummary);
        confusionBox.setMinWidth(360);

        rocChart = Charts.lineChart("ROC curves of the federated model", "False positive rate (1 - specificity)",
                "True positive rate (sensitivity)", rocData, false);
        rocChart.getXYPlot().getRangeAxis().setRange(0, 1.0001);
        rocChart.getXYPlot().getDomainAxis().setRange(0, 1.0001);
        rocView = new ResettableChart(rocChart, "results-roc");
        rocView.setPrefSize(520, 420);
        vm.rocCurves().addListener((ListChangeListener<ResultsViewModel.RocCurve>) c -> fillRoc());
        JFreeChart calibrationChart = Charts.lineChart("Calibration of the federated model", "Predicted probability",
                "Observed share of positives", calibrationData, false);
        calibrationChart.getXYPlot().getRangeAxis().setRange(0, 1.0001);
        calibrationChart.getXYPlot().getDomainAxis().setRange(0, 1.0001);
        ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) calibrationChart.getXYPlot().getRenderer())
                .setDefaultShapesVisible(true);
        calibrationView = new ResettableChart(calibrationChart, "results-calibration");
        calibrationView.setPrefSize(460, 360);
        vm.calibration().addListener((ListChangeListener<org.medfed.metrics.Calibration.Bin>) c -> fillCalibration());
        vm.hospitalProperty().addListener((obs, was, is) -> calibrationChart.setTitle("Calibration of the federated "
                + "model" + (is == null ? "" : ", " + is)));
        // drawn here, on the FX thread that owns the chart on screen (as zoomed); only the encoding goes to the background
        rocPng.setOnAction(e -> {
            java.awt.image.BufferedImage picture = ChartFiles.draw(rocChart, 900, 700);
            vm.exportPng("ROC curve", "roc-curve.png", f -> ChartFiles.writePng(picture, f));
        });
        accuracyPng.setOnAction(e -> {
            java.awt.image.BufferedImage picture = ChartFiles.draw(accuracyChart(), 1000, 600);
            vm.exportPng("accuracy chart", "accuracy-per-round.png", f -> ChartFiles.writePng(picture, f));
        });
        javafx.scene.layout.FlowPane plots = new javafx.scene.layout.FlowPane(24, 12, confusionBox, rocView, calibrationView);
        plots.visibleProperty().bind(vm.plotsProperty());
        plots.managedProperty().bind(vm.plotsProperty());
        rocPng.visibleProperty().bind(vm.plotsProperty());
        rocPng.managedProperty().bind(vm.plotsProperty());

        TableView<RunRecord> runs = new TableView<>(vm.runs());
        runs.setId("results-history");
        runs.setPlaceholder(new Label("Runs of a saved study are kept beside it and listed here, newest first."));
        runs.getColumns().add(col("Run", RunRecord::started, 150));
        runs.getColumns().add(col("Status", RunRecord::status, 95));
        runs.getColumns().add(col("Algorithm", RunRecord::strategy, 130));
        runs.getColumns().add(col("Model", RunRecord::model, 100));
        runs.getColumns().add(col("Rounds", r -> r.rounds() + " / " + r.roundsPlanned(), 105));
        runs.getColumns().add(col("Learning rate", r -> NumberFields.format(r.learningRate()), 110));
        runs.getColumns().add(col("Seed", r -> String.valueOf(r.seed()), 60));
        runs.getColumns().add(col("Privacy", r -> r.privacy().isEmpty() ? "none" : r.privacy(), 170));
        runs.getColumns().add(col("ε spent", r -> Double.isNaN(r.epsilon()) ? "–" : NumberFields.metric(r.epsilon()), 70));
        runs.getColumns().add(col("Federated accuracy", r -> NumberFields.metric(r.federatedAccuracy()), 145));
        runs.getColumns().add(col("Federated AUC", r -> NumberFields.metric(r.federatedAuc()), 120));
        runs.getColumns().add(col("Pooled accuracy", r -> NumberFields.metric(r.pooledAccuracy()), 130));
        runs.getColumns().add(col("Best hospital alone", r -> r.bestLocal().isEmpty() ? "–"
                : NumberFields.metric(r.bestLocalAccuracy()) + " (" + r.bestLocal() + ")", 190));
        // one action on the runs the workbench did not see end: Resume goes on from their last checkpoint
        TableColumn<RunRecord, RunRecord> resume = new TableColumn<>("");
        resume.setCellValueFactory(r -> new javafx.beans.property.ReadOnlyObjectWrapper<>(r.getValue()));
        resume.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            private final Button button = new Button("Resume");

            {
                button.setId("results-resume");
                button.setTooltip(new org.medfed.gui.common.WrappedTooltip("This run did not end (the workbench or the "
                        + "computer stopped). Resume goes on from its last round, as it was started, and ends as if it "
                        + "had never stopped."));
                button.setOnAction(e -> vm.resume(getItem()));
            }

            @Override
            protected void updateItem(RunRecord item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(!empty && item != null && item.resumable() ? button : null);
            }
        });
        resume.setPrefWidth(90);
        runs.getColumns().add(2, resume);
        runs.setPrefHeight(200);

        content = new VBox(10, top, message, warnings, tableTitle, table, pooledNote, intervalsNote, limits, comparisonsTitle,
                comparisons, plots,
                title("Earlier runs of this study (figures are means over hospitals)"), runs);
        content.setPadding(new Insets(12));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.getStyleClass().add("screen");
        root.getStylesheets().add(ResultsView.class.getResource("results.css").toExternalForm());
    }

    public Parent root() {
        return root;
    }

    /** Adds a section under the comparison table (a data kind's own results, such as predicted masks). */
    public void addSection(javafx.scene.Node section) {
        content.getChildren().add(content.getChildren().indexOf(table) + 1, section);
    }

    JFreeChart rocChart() {
        return rocChart;
    }

    private JFreeChart accuracyChart() {
        XYSeries acc = new XYSeries("Accuracy (mean over hospitals)");
        XYSeries auc = new XYSeries("AUC");
        var r = vm.resultProperty().get();
        if (r != null) {
            for (RoundRecord round : r.history().rounds()) {
                acc.add(round.round(), round.globalMetric("accuracy"));
                if (!Double.isNaN(round.globalMetric("auc"))) {
                    auc.add(round.round(), round.globalMetric("auc"));
                }
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(acc);
        if (auc.getItemCount() > 0) {
            data.addSeries(auc);
        }
        return Charts.lineChart("Global model per round", "Round", data.getSeriesCount() > 1 ? "Accuracy and AUC"
                : "Accuracy", data, true);
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private void fillColumns() {
        table.getColumns().clear();
        TableColumn<ResultsViewModel.Row, String> model = new TableColumn<>("Model trained on");
        model.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().model()));
        model.setCellFactory(c -> new org.medfed.gui.common.TooltipCell<>(javafx.scene.control.OverrunStyle.ELLIPSIS));
        model.setPrefWidth(285); // "Federated (all hospitals, data stay home)" whole at the default font
        model.setMinWidth(230);
        table.getColumns().add(model);
        for (int i = 0; i < vm.columns().size(); i++) {
            int index = i;
            TableColumn<ResultsViewModel.Row, String> c = new TableColumn<>(vm.columns().get(i));
            c.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().cells().get(index)));
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
            // wide enough for "0.650 (0.553–0.736)" and the header with its n, so neither is cut; the mean over
            // hospitals has no interval, so it leaves the room to the others (four hospitals fit a 1360-pixel window)
            c.setPrefWidth(vm.columns().get(i).equals(ResultsViewModel.MEAN_COLUMN) ? 100
                    : Math.max(165, 7.5 * vm.columns().get(i).length() + 24));
            table.getColumns().add(c);
        }
    }

    private void fillMatrix(ConfusionMatrix m) {
        matrix.getChildren().clear();
        if (m == null) {
            return;
        }
        int k = m.classes().size();
        Label corner = new Label("true ↓  predicted →");
        corner.getStyleClass().add("muted");
        matrix.add(corner, 0, 0);
        int max = 1;
        for (int[] row : m.counts()) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        for (int c = 0; c < k; c++) {
            Label h = new Label(m.classes().get(c));
            h.getStyleClass().add("matrix-header");
            matrix.add(h, c + 1, 0);
        }
        for (int r = 0; r < k; r++) {
            Label h = new Label(m.classes().get(r));
            h.getStyleClass().add("matrix-header");
            matrix.add(h, 0, r + 1);
            for (int c = 0; c < k; c++) {
                int v = m.counts()[r][c];
                Label cell = new Label(String.valueOf(v));
                cell.setId("cell-" + r + "-" + c);
                cell.getStyleClass().add(r == c ? "matrix-correct" : "matrix-wrong");
                double share = (double) v / max;
                cell.setStyle(String.format(java.util.Locale.ROOT, "-fx-background-color: rgba(%s,%.2f);",
                        r == c ? "0,114,178" : "213,94,0", 0.12 + 0.6 * share));
                cell.setMinSize(80, 48);
                cell.setAlignment(Pos.CENTER);
                matrix.add(cell, c + 1, r + 1);
            }
        }
        Label total = new Label(m.correct() + " of " + m.total() + " test patients classified correctly ("
                + NumberFields.metric(m.total() == 0 ? Double.NaN : (double) m.correct() / m.total()) + ")");
        total.setId("results-confusion-total");
        matrix.add(total, 0, k + 1, k + 1, 1);
    }

    private void fillRoc() {
        rocData.removeAllSeries();
        for (ResultsViewModel.RocCurve c : vm.rocCurves()) {
            String auc = ResultsViewModel.cell(c.auc());
            XYSeries s = new XYSeries(c.testSet() + ": AUC " + auc + ", n=" + c.n(), false, true);
            for (RocAuc.Point p : c.points()) {
                s.add(p.falsePositiveRate(), p.truePositiveRate(), false);
            }
            rocData.addSeries(s);
        }
        if (!vm.rocCurves().isEmpty()) {
            XYSeries chance = new XYSeries("Chance", false, true);
            chance.add(0, 0, false);
            chance.add(1, 1, false);
            rocData.addSeries(chance);
        }
        // the line of all test patients together drawn thicker than the hospitals' own
        var renderer = rocChart.getXYPlot().getRenderer();
        for (int i = 0; i < rocData.getSeriesCount(); i++) {
            boolean all = i == vm.rocCurves().size() - 1;
            renderer.setSeriesStroke(i, new java.awt.BasicStroke(all ? 3.2f : 1.8f));
        }
        rocView.reset();
    }

    private void fillCalibration() {
        calibrationData.removeAllSeries();
        if (!vm.calibration().isEmpty()) {
            XYSeries s = new XYSeries("Federated model (each dot: a tenth of the probability range)", false, true);
            vm.calibration().forEach(b -> s.add(b.meanPredicted(), b.observed()));
            calibrationData.addSeries(s);
            XYSeries perfect = new XYSeries("Perfectly calibrated", false, true);
            perfect.add(0, 0);
            perfect.add(1, 1);
            calibrationData.addSeries(perfect);
        }
        calibrationView.reset();
    }

    /** Scrolls the screen so that {@code node} (one of its parts) is in view. */
    public void scrollTo(javafx.scene.Node node) {
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = root.getViewportBounds().getHeight();
        double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
        root.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, y / (contentHeight - viewport))));
    }

    /** The ROC chart's lines, for tests. */
    public XYSeriesCollection rocDataForTest() {
        return rocData;
    }

    public ResettableChart rocView() {
        return rocView;
    }

    private static <T> TableColumn<T, String> col(String title, java.util.function.Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
