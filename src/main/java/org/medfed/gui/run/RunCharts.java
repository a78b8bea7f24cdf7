package org.medfed.gui.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.FlowPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.medfed.gui.common.BatchedSeriesCollection;
import org.medfed.gui.common.Charts;
import org.medfed.gui.common.OffThreadChartView;

/**
 * The Run screen's live charts, fed from the view-model's list of records: global accuracy (and AUC for two
 * classes) with the previous run as a faint line, loss, each hospital's accuracy with a check box per hospital,
 * the bytes each hospital has moved, and the staleness of merged updates. The first four draw against the axis
 * the view-model names (records, updates applied or the run's clock) and are redrawn from its lists when it
 * changes. Points of a batch are added silently and the chart is told once, so a fast run redraws once per batch.
 */
final class RunCharts {

    private static final Color FAINT = new Color(150, 150, 150);

    private final RunViewModel vm;
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
    private final List<String> hospitalOrder = new ArrayList<>();

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

    RunCharts(RunViewModel vm, Executor drawing) {
        this.vm = vm;
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
        // drawn off the FX thread: a redraw of a long run's chart costs tens of milliseconds in software rendering
        globalViewer = new OffThreadChartView(globalChart, "chart-global", drawing);
        lossViewer = new OffThreadChartView(lossChart, "chart-loss", drawing);
        hospitalViewer = new OffThreadChartView(hospitalChart, "chart-hospitals", drawing);
        bytesViewer = new OffThreadChartView(bytesChart, "chart-bytes", drawing);
        stalenessViewer = new OffThreadChartView(stalenessChart, "chart-staleness", drawing);
        charts = List.of(globalChart, lossChart, hospitalChart, bytesChart, stalenessChart);
        viewers = List.of(globalViewer, lossViewer, hospitalViewer, bytesViewer, stalenessViewer);
        hospitalToggles.setId("hospital-toggles");
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

        vm.hospitalNames().addListener((ListChangeListener<String>) c -> resetHospitals(vm.hospitalNames()));
        resetHospitals(vm.hospitalNames());
        vm.binaryProperty().addListener((obs, was, is) -> {
            if (is && globalData.indexOf(auc) < 0) {
                globalData.addSeries(auc);
                globalChart.setTitle("Global model: accuracy and AUC");
                globalChart.getXYPlot().getRangeAxis().setLabel("Accuracy and AUC");
                changed(globalChart);
            }
        });
        vm.points().addListener((ListChangeListener<RoundPoint>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && vm.points().isEmpty()) {
                    clear();
                }
                if (c.wasAdded()) {
                    add(c.getAddedSubList());
                }
            }
        });
        vm.previousPoints().addListener((ListChangeListener<RoundPoint>) c -> showPrevious());
        vm.previousLabelProperty().addListener((obs, was, is) -> showPrevious());
        vm.showPreviousProperty().addListener((obs, was, is) -> showPrevious());
        vm.staleness().addListener((ListChangeListener<Integer>) c -> showStaleness());
        vm.xAxisProperty().addListener((obs, was, is) -> redrawAll());
        vm.xAxisLabel().addListener((obs, was, is) -> label());
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
        boolean whole = vm.xAxisProperty().get() != XAxis.CLOCK;
        for (JFreeChart c : List.of(globalChart, lossChart, hospitalChart, bytesChart)) {
            NumberAxis x = (NumberAxis) c.getXYPlot().getDomainAxis();
            x.setLabel(vm.xAxisLabel().get());
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
        changed();
    }

    private void redrawAll() {
        List<RoundPoint> all = List.copyOf(vm.points());
        clear();
        add(all);
        showPrevious();
    }

    private void resetHospitals(List<String> names) {
        hospitalData.batch(() -> bytesUpData.batch(() -> bytesDownData.batch(() -> listHospitals(names))));
        changed();
    }

    private void listHospitals(List<String> names) {
        for (XYSeriesCollection data : List.of(hospitalData, bytesUpData, bytesDownData)) {
            data.removeAllSeries();
        }
        hospitalOrder.clear();
        hospitalToggles.getChildren().clear();
        XYPlot plot = hospitalChart.getXYPlot();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            hospitalOrder.add(name);
            hospitalData.addSeries(new XYSeries(name, false, true));
            bytesUpData.addSeries(new XYSeries(name, false, true));
            bytesDownData.addSeries(new XYSeries(name + " (received)", false, true));
            CheckBox toggle = new CheckBox(name);
            toggle.setSelected(true);
            toggle.setId("toggle-" + name);
            java.awt.Color c = Charts.PALETTE[i % Charts.PALETTE.length];
            // the line's colour set directly, not as an inline style that CSS would parse at each run's start
            toggle.setTextFill(javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
            toggle.getStyleClass().add("hospital-toggle");
            int series = i;
            toggle.selectedProperty().addListener((obs, was, on) -> {
                plot.getRenderer().setSeriesVisible(series, on);
                changed(hospitalChart);
            });
            hospitalToggles.getChildren().add(toggle);
        }
    }

    private void add(List<? extends RoundPoint> added) {
        XAxis axis = vm.xAxisProperty().get();
        for (RoundPoint p : added) {
            double x = p.x(axis);
            addSilently(accuracy, x, p.accuracy());
            addSilently(weighted, x, p.accuracyWeighted());
            addSilently(auc, x, p.auc());
            addSilently(loss, x, p.loss());
            addSilently(trainLoss, x, p.trainLoss());
            for (int i = 0; i < hospitalOrder.size(); i++) {
                String name = hospitalOrder.get(i);
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
        String label = vm.previousLabelProperty().get();
        previous.setKey(label.isEmpty() ? "Previous run" : Character.toUpperCase(label.charAt(0)) + label.substring(1));
        if (vm.showPreviousProperty().get()) {
            XAxis axis = vm.xAxisProperty().get();
            for (RoundPoint p : vm.previousPoints()) {
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
        for (int behind = 0; behind < vm.staleness().size(); behind++) {
            stale.add(behind, vm.staleness().get(behind), false);
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

    XYSeriesCollection bytesUpData() {
        return bytesUpData;
    }

    XYSeries stalenessSeries() {
        return stale;
    }
}
