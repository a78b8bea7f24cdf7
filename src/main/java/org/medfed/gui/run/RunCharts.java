package org.medfed.gui.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalDataItem;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.medfed.gui.common.BatchedSeriesCollection;
import org.medfed.gui.common.Charts;
import org.medfed.gui.common.OffThreadChartView;
import org.medfed.metrics.Quartiles;

/**
 * The Run screen's live charts, fed from the view-model's list of records: global accuracy (and AUC for two
 * classes) with the previous run as a faint line, loss, each hospital's accuracy (a line and a check box per hospital,
 * or with many hospitals the band over all of them and the lines picked: {@link HospitalLines}),
 * the bytes each hospital has moved, and the staleness of merged updates. The first four draw against the axis
 * the view-model names (records, updates applied or the run's clock) and are redrawn from its lists when it
 * changes. Points of a batch are added silently and the chart is told once, so a fast run redraws once per batch.
 */
final class RunCharts {

    private static final Color FAINT = new Color(150, 150, 150);
    private static final Color BAND = new Color(95, 95, 95);

    private final RunSeries series;
    private final XYSeries accuracy = new XYSeries("Accuracy (mean over hospitals)", false, true);
    private final XYSeries weighted = new XYSeries("Accuracy (weighted by patients)", false, true);
    private final XYSeries auc = new XYSeries("AUC", false, true);
    private final XYSeries loss = new XYSeries("Test loss", false, true);
    private final XYSeries trainLoss = new XYSeries("Training loss", false, true);
    private final XYSeries previous = new XYSeries("Previous run", false, true);
    private final XYSeries stale = new XYSeries("Merged updates", false, true);
    private final XYSeriesCollection globalData = new XYSeriesCollection();
    private final XYSeriesCollection previousData = new XYSeriesCollection();
    private final XYSeriesCollection lossData = new XYSeriesCollection();
    private final BatchedSeriesCollection hospitalData = new BatchedSeriesCollection();
    private final BatchedSeriesCollection bytesUpData = new BatchedSeriesCollection();
    private final BatchedSeriesCollection bytesDownData = new BatchedSeriesCollection();
    private final XYSeriesCollection staleData = new XYSeriesCollection(stale);
    // the spread over hospitals, drawn when there are too many for a line each (HospitalLines)
    private final YIntervalSeries accuracyRange = new YIntervalSeries("Hospitals: lowest to highest", false, true);
    private final YIntervalSeries accuracyMiddle = new YIntervalSeries("Hospitals: median and middle half", false, true);
    private final YIntervalSeries bytesRange = new YIntervalSeries("Sent by hospitals: median, lowest to highest",
            false, true);
    private final YIntervalSeriesCollection accuracyBand = new YIntervalSeriesCollection();
    private final YIntervalSeriesCollection bytesBand = new YIntervalSeriesCollection();
    private final HospitalLines lines;
    private List<String> lineOrder = List.of();

    final JFreeChart globalChart;
    final JFreeChart lossChart;
    final JFreeChart hospitalChart;
    final JFreeChart bytesChart;
    final JFreeChart stalenessChart;
    final OffThreadChartView globalViewer;
    final OffThreadChartView lossViewer;
    final OffThreadChartView hospitalViewer;
    final OffThreadChartView bytesViewer;
    final OffThreadChartView stalenessViewer;
    final FlowPane hospitalToggles = new FlowPane(10, 4);
    /** With many hospitals: the list to pick a hospital's line from, what the band is, and the toggles. */
    final SearchableComboBox<String> hospitalPicker = new SearchableComboBox<>();
    final VBox hospitalControls;
    private final List<JFreeChart> charts;
    private final List<OffThreadChartView> viewers;

    /** Charts redraw at most this often while rounds arrive (each redraw copies the chart on the FX thread). */
    static final long REDRAW_NANOS = Long.getLong("medfed.redrawMs", 150) * 1_000_000L;

    private final javafx.animation.AnimationTimer redraw;
    // A list compared by identity, not a hash set: JFreeChart's equals and hashCode follow its contents, so a chart
    // that changed could no longer be found (and removed) in a hash set, and the other charts starved of redraws.
    private final List<JFreeChart> dirty = new java.util.ArrayList<>();
    private boolean timerRunning;
    private long lastDraw;

    RunCharts(RunSeries series, Executor drawing) {
        this.series = series;
        this.lines = series.hospitalLines();
        globalData.addSeries(accuracy);
        globalData.addSeries(weighted);
        lossData.addSeries(loss);
        lossData.addSeries(trainLoss);
        previousData.addSeries(previous);
        globalChart = Charts.lineChart("Global model: accuracy", "Round", "Accuracy", globalData, true);
        lossChart = Charts.lineChart("Global model: loss", "Round", "Cross-entropy loss", lossData, true);
        hospitalChart = Charts.lineChart("Accuracy at each hospital", "Round", "Accuracy", hospitalData, true);
        bytesChart = Charts.lineChart("Bytes each hospital sent (solid) and was sent (dashed), so far", "Round",
                "Bytes", bytesUpData, true);
        stalenessChart = Charts.lineChart("Staleness of the merged updates", "Versions behind the global model",
                "Updates", staleData, true);
        fainter(globalChart.getXYPlot());
        dashedDownloads(bytesChart.getXYPlot());
        ((NumberAxis) bytesChart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
        bars(stalenessChart.getXYPlot());
        // grey, so that no picked hospital's colour is mistaken for it
        band(hospitalChart.getXYPlot(), 1, accuracyBand, BAND);
        band(bytesChart.getXYPlot(), 2, bytesBand, BAND);
        // drawn off the FX thread: a redraw of a long run's chart costs tens of milliseconds in software rendering
        globalViewer = new OffThreadChartView(globalChart, "chart-global", drawing);
        lossViewer = new OffThreadChartView(lossChart, "chart-loss", drawing);
        hospitalViewer = new OffThreadChartView(hospitalChart, "chart-hospitals", drawing);
        bytesViewer = new OffThreadChartView(bytesChart, "chart-bytes", drawing);
        stalenessViewer = new OffThreadChartView(stalenessChart, "chart-staleness", drawing);
        charts = List.of(globalChart, lossChart, hospitalChart, bytesChart, stalenessChart);
        viewers = List.of(globalViewer, lossViewer, hospitalViewer, bytesViewer, stalenessViewer);
        hospitalToggles.setId("hospital-toggles");
        hospitalControls = hospitalControls();
        // the charts do not redraw on every data change; a timer on the pulse redraws them when something changed
        for (JFreeChart c : charts) {
            c.setNotify(false);
        }
        redraw = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                // one chart per pulse, each at most every REDRAW_NANOS: no pulse pays for several redraws
                if (!dirty.isEmpty() && now - lastDraw >= REDRAW_NANOS / 3) {
                    JFreeChart next = dirty.remove(0);
                    viewers.get(indexOf(next)).redraw();
                    lastDraw = now;
                } else if (dirty.isEmpty()) {
                    stop(); // an idle timer would keep JavaFX pulsing for nothing
                    timerRunning = false;
                }
            }
        };

        lines.lines().addListener((ListChangeListener<String>) c -> resetLines());
        lines.toggles().addListener((ListChangeListener<String>) c -> showToggles());
        lines.bandedProperty().addListener((obs, was, is) -> resetBand());
        resetLines();
        showToggles();
        resetBand();
        series.binary().addListener((obs, was, is) -> {
            if (is && globalData.indexOf(auc) < 0) {
                globalData.addSeries(auc);
                globalChart.setTitle("Global model: accuracy and AUC");
                globalChart.getXYPlot().getRangeAxis().setLabel("Accuracy and AUC");
                changed(globalChart);
            }
        });
        series.points().addListener((ListChangeListener<RoundPoint>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && series.points().isEmpty()) {
                    clear();
                }
                if (c.wasAdded()) {
                    add(c.getAddedSubList());
                }
            }
        });
        series.previousPoints().addListener((ListChangeListener<RoundPoint>) c -> showPrevious());
        series.previousLabel().addListener((obs, was, is) -> showPrevious());
        series.showPrevious().addListener((obs, was, is) -> showPrevious());
        series.staleness().addListener((ListChangeListener<Integer>) c -> showStaleness());
        series.xAxis().addListener((obs, was, is) -> redrawAll());
        series.xAxisLabel().addListener((obs, was, is) -> label());
        label();
    }

    /** The previous run on its own renderer: thin and grey, behind this run's lines. */
    private void fainter(XYPlot plot) {
        plot.setDataset(1, previousData);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, FAINT);
        r.setSeriesStroke(0, new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {2f, 4f}, 0f));
        plot.setRenderer(1, r);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
    }

    /** What each hospital was sent, dashed in its colour, beside what it sent; listed once in the legend. */
    private void dashedDownloads(XYPlot plot) {
        plot.setDataset(1, bytesDownData);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < Charts.PALETTE.length; i++) {
            r.setSeriesPaint(i, Charts.PALETTE[i]);
            r.setSeriesStroke(i, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {6f, 4f}, 0f));
            r.setSeriesVisibleInLegend(i, false);
        }
        plot.setRenderer(1, r);
    }

    private static void bars(XYPlot plot) {
        XYBarRenderer r = new XYBarRenderer(0.15);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, Charts.PALETTE[0]);
        plot.setRenderer(r);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    private int indexOf(JFreeChart chart) {
        for (int i = 0; i < charts.size(); i++) {
            if (charts.get(i) == chart) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a chart of the Run screen");
    }

    private void changed(JFreeChart... which) {
        for (JFreeChart c : which.length == 0 ? charts.toArray(new JFreeChart[0]) : which) {
            if (dirty.stream().noneMatch(d -> d == c)) {
                dirty.add(c);
            }
        }
        if (!timerRunning) {
            timerRunning = true;
            redraw.start();
        }
    }

    /** The axis label and ticks of the charts drawn against the view-model's axis. */
    private void label() {
        boolean whole = series.xAxis().get() != XAxis.CLOCK;
        for (JFreeChart c : List.of(globalChart, lossChart, hospitalChart, bytesChart)) {
            NumberAxis x = (NumberAxis) c.getXYPlot().getDomainAxis();
            x.setLabel(series.xAxisLabel().get());
            x.setStandardTickUnits(whole ? NumberAxis.createIntegerTickUnits() : NumberAxis.createStandardTickUnits());
            x.setAutoRangeMinimumSize(whole ? 1 : 1e-3);
        }
        changed(globalChart, lossChart, hospitalChart, bytesChart);
    }

    private void clear() {
        for (XYSeries s : List.of(accuracy, weighted, auc, loss, trainLoss)) {
            s.clear();
        }
        if (globalData.indexOf(auc) >= 0) {
            globalData.removeSeries(auc);
            globalChart.setTitle("Global model: accuracy");
            globalChart.getXYPlot().getRangeAxis().setLabel("Accuracy");
        }
        for (BatchedSeriesCollection data : List.of(hospitalData, bytesUpData, bytesDownData)) {
            data.batch(() -> {
                for (int i = 0; i < data.getSeriesCount(); i++) {
                    data.getSeries(i).clear(); // the hospitals keep their lines and toggles for the next run
                }
            });
        }
        for (YIntervalSeries s : List.of(accuracyRange, accuracyMiddle, bytesRange)) {
            s.clear();
        }
        changed();
    }

    private void redrawAll() {
        List<RoundPoint> all = List.copyOf(series.points());
        clear();
        add(all);
        showPrevious();
    }

    /** The band's renderer: a light area from lowest to highest, a darker one for the middle half, the median. */
    private static void band(XYPlot plot, int index, YIntervalSeriesCollection data, Color colour) {
        plot.setDataset(index, data);
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.22f);
        for (int i = 0; i < 2; i++) {
            r.setSeriesPaint(i, colour);
            r.setSeriesFillPaint(i, colour);
            r.setSeriesStroke(i, new BasicStroke(i == 0 ? 0.8f : 2f));
        }
        plot.setRenderer(index, r);
    }

    private VBox hospitalControls() {
        hospitalPicker.setId("hospital-picker");
        hospitalPicker.setItems(lines.names());
        hospitalPicker.setPromptText("type or choose a hospital");
        hospitalPicker.setPrefWidth(240);
        hospitalPicker.setMinWidth(240);
        hospitalPicker.valueProperty().addListener((obs, was, is) -> {
            if (is != null) {
                lines.show(is, true);
                // the list is for picking, not for showing a choice: empty again for the next pick
                javafx.application.Platform.runLater(() -> hospitalPicker.setValue(null));
            }
        });
        Label what = new Label();
        what.setId("hospital-band-note");
        what.getStyleClass().add("muted");
        what.setWrapText(true);
        what.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> lines.noteProperty().get()
                .isEmpty() ? "The band spans all " + String.format(java.util.Locale.ROOT, "%,d", lines.names().size())
                + " hospitals, lowest to highest (light) and the middle half (darker) around the median; pick "
                + "hospitals to draw their own lines (at most " + HospitalLines.MOST_PICKED + ")."
                : lines.noteProperty().get(), lines.noteProperty(), lines.names()));
        Label pickLabel = new Label("Draw a hospital's line:");
        pickLabel.setLabelFor(hospitalPicker);
        HBox pickRow = new HBox(8, pickLabel, hospitalPicker, hospitalToggles);
        pickRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(hospitalToggles, javafx.scene.layout.Priority.ALWAYS);
        VBox box = new VBox(4, what, pickRow);
        // with few hospitals only their check boxes show
        for (javafx.scene.Node n : List.of(what, pickLabel, hospitalPicker)) {
            n.visibleProperty().bind(lines.bandedProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        return box;
    }

    /** A line for each hospital the view-model draws, filled from the records so far. */
    private void resetLines() {
        lineOrder = List.copyOf(lines.lines());
        hospitalData.batch(() -> bytesUpData.batch(() -> bytesDownData.batch(() -> {
            for (XYSeriesCollection data : List.of(hospitalData, bytesUpData, bytesDownData)) {
                data.removeAllSeries();
            }
            for (String name : lineOrder) {
                hospitalData.addSeries(new XYSeries(name, false, true));
                bytesUpData.addSeries(new XYSeries(name, false, true));
                bytesDownData.addSeries(new XYSeries(name + " (received)", false, true));
            }
            XAxis axis = series.xAxis().get();
            for (RoundPoint p : series.points()) {
                addLines(p, p.x(axis));
            }
        })));
        colourLines();
        changed(hospitalChart, bytesChart);
    }

    private void colourLines() {
        var accuracyLines = hospitalChart.getXYPlot().getRenderer(0);
        var sent = bytesChart.getXYPlot().getRenderer(0);
        var received = bytesChart.getXYPlot().getRenderer(1);
        for (int i = 0; i < lineOrder.size(); i++) {
            Color c = colourOf(lineOrder.get(i));
            accuracyLines.setSeriesPaint(i, c);
            sent.setSeriesPaint(i, c);
            received.setSeriesPaint(i, c);
        }
    }

    private Color colourOf(String hospital) {
        return Charts.PALETTE[Math.max(0, lines.colour(hospital)) % Charts.PALETTE.length];
    }

    private void showToggles() {
        hospitalToggles.getChildren().clear();
        for (String name : lines.toggles()) {
            CheckBox toggle = new CheckBox(name);
            toggle.setSelected(lines.lines().contains(name));
            toggle.setId("toggle-" + name);
            Color c = colourOf(name);
            // the line's colour set directly, not as an inline style that CSS would parse at each run's start
            toggle.setTextFill(javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
            toggle.getStyleClass().add("hospital-toggle");
            toggle.selectedProperty().addListener((obs, was, on) -> lines.show(name, on));
            hospitalToggles.getChildren().add(toggle);
        }
    }

    /** The band's series are in the charts (and their legends) only while there are too many hospitals for lines. */
    private void resetBand() {
        for (YIntervalSeries s : List.of(accuracyRange, accuracyMiddle, bytesRange)) {
            s.clear();
        }
        accuracyBand.removeAllSeries();
        bytesBand.removeAllSeries();
        if (lines.bandedProperty().get()) {
            accuracyBand.addSeries(accuracyRange);
            accuracyBand.addSeries(accuracyMiddle);
            bytesBand.addSeries(bytesRange);
            XAxis axis = series.xAxis().get();
            for (RoundPoint p : series.points()) {
                addBand(p, p.x(axis));
            }
            fireBand();
        }
        changed(hospitalChart, bytesChart);
    }

    private void addLines(RoundPoint p, double x) {
        for (int i = 0; i < lineOrder.size(); i++) {
            String name = lineOrder.get(i);
            Double a = p.hospitalAccuracy().get(name);
            if (a != null) {
                hospitalData.getSeries(i).add(x, a, false);
            }
            Long up = p.bytesUpSoFar().get(name);
            if (up != null) {
                bytesUpData.getSeries(i).add(x, up, false);
            }
            Long down = p.bytesDownSoFar().get(name);
            if (down != null) {
                bytesDownData.getSeries(i).add(x, down, false);
            }
        }
    }

    private void addBand(RoundPoint p, double x) {
        Quartiles a = HospitalLines.band(p.hospitalAccuracy());
        if (a != null) {
            accuracyRange.add(new YIntervalDataItem(x, a.median(), a.min(), a.max()), false);
            accuracyMiddle.add(new YIntervalDataItem(x, a.median(), a.q1(), a.q3()), false);
        }
        Quartiles up = HospitalLines.band(p.bytesUpSoFar());
        if (up != null) {
            bytesRange.add(new YIntervalDataItem(x, up.median(), up.min(), up.max()), false);
        }
    }

    private void fireBand() {
        for (YIntervalSeries s : List.of(accuracyRange, accuracyMiddle, bytesRange)) {
            s.fireSeriesChanged();
        }
    }

    private void add(List<? extends RoundPoint> added) {
        XAxis axis = series.xAxis().get();
        for (RoundPoint p : added) {
            double x = p.x(axis);
            addSilently(accuracy, x, p.accuracy());
            addSilently(weighted, x, p.accuracyWeighted());
            addSilently(auc, x, p.auc());
            addSilently(loss, x, p.loss());
            addSilently(trainLoss, x, p.trainLoss());
            addLines(p, x);
            if (lines.bandedProperty().get()) {
                addBand(p, x);
            }
        }
        fireBand();
        for (XYSeries s : List.of(accuracy, weighted, auc, loss, trainLoss)) {
            s.fireSeriesChanged();
        }
        for (BatchedSeriesCollection data : List.of(hospitalData, bytesUpData, bytesDownData)) {
            data.batch(() -> {
                for (int i = 0; i < data.getSeriesCount(); i++) {
                    data.getSeries(i).fireSeriesChanged();
                }
            });
        }
        changed(globalChart, lossChart, hospitalChart, bytesChart);
    }

    private void showPrevious() {
        previous.clear();
        String label = series.previousLabel().get();
        previous.setKey(label.isEmpty() ? "Previous run" : Character.toUpperCase(label.charAt(0)) + label.substring(1));
        if (series.showPrevious().get()) {
            XAxis axis = series.xAxis().get();
            for (RoundPoint p : series.previousPoints()) {
                addSilently(previous, p.x(axis), p.accuracy());
            }
        }
        // an empty series would still take a place in the legend
        globalChart.getXYPlot().getRenderer(1).setSeriesVisibleInLegend(0, !previous.isEmpty());
        previous.fireSeriesChanged();
        changed(globalChart);
    }

    private void showStaleness() {
        stale.clear();
        for (int behind = 0; behind < series.staleness().size(); behind++) {
            stale.add(behind, series.staleness().get(behind), false);
        }
        stale.fireSeriesChanged();
        changed(stalenessChart);
    }

    private static void addSilently(XYSeries s, double x, double v) {
        if (!Double.isNaN(v)) {
            s.add(x, v, false);
        }
    }

    /** Charts waiting for a redraw, for tests. */
    int dirtyCount() {
        return dirty.size();
    }

    /** Number of rounds drawn in each chart's first series, for tests. */
    int roundsDrawn() {
        return accuracy.getItemCount();
    }

    XYSeriesCollection hospitalData() {
        return hospitalData;
    }

    XYSeries accuracySeries() {
        return accuracy;
    }

    XYSeries lossSeries() {
        return loss;
    }

    XYSeries previousSeries() {
        return previous;
    }

    YIntervalSeriesCollection accuracyBandData() {
        return accuracyBand;
    }

    XYSeriesCollection bytesUpData() {
        return bytesUpData;
    }

    XYSeries stalenessSeries() {
        return stale;
    }
}
