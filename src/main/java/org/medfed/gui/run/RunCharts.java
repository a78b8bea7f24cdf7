package org.medfed.gui.run;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.FlowPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.medfed.gui.common.Charts;
import org.medfed.gui.common.OffThreadChartView;

/**
 * The Run screen's three live charts, fed from the view-model's list of rounds: global accuracy (and AUC for
 * two classes), loss, and each hospital's accuracy with a check box per hospital to show or hide its line.
 * Points of a batch are added silently and the chart is told once, so a fast run redraws once per batch.
 */
final class RunCharts {

    private final XYSeries accuracy = new XYSeries("Accuracy (mean over hospitals)", false, true);
    private final XYSeries weighted = new XYSeries("Accuracy (weighted by patients)", false, true);
    private final XYSeries auc = new XYSeries("AUC", false, true);
    private final XYSeries loss = new XYSeries("Test loss", false, true);
    private final XYSeries trainLoss = new XYSeries("Training loss", false, true);
    private final XYSeriesCollection globalData = new XYSeriesCollection();
    private final XYSeriesCollection lossData = new XYSeriesCollection();
    private final XYSeriesCollection hospitalData = new XYSeriesCollection();
    private final List<String> hospitalOrder = new ArrayList<>();

    final JFreeChart globalChart;
    final JFreeChart lossChart;
    final JFreeChart hospitalChart;
    final OffThreadChartView globalViewer;
    final OffThreadChartView lossViewer;
    final OffThreadChartView hospitalViewer;
    final FlowPane hospitalToggles = new FlowPane(10, 4);

    /** Charts redraw at most this often while rounds arrive (each redraw copies the chart on the FX thread). */
    static final long REDRAW_NANOS = Long.getLong("medfed.redrawMs", 150) * 1_000_000L;

    private final javafx.animation.AnimationTimer redraw;
    // A list compared by identity, not a hash set: JFreeChart's equals and hashCode follow its contents, so a chart
    // that changed could no longer be found (and removed) in a hash set, and the other charts starved of redraws.
    private final List<JFreeChart> dirty = new java.util.ArrayList<>();
    private boolean timerRunning;
    private long lastDraw;

    RunCharts(RunViewModel vm) {
        globalData.addSeries(accuracy);
        globalData.addSeries(weighted);
        lossData.addSeries(loss);
        lossData.addSeries(trainLoss);
        globalChart = Charts.lineChart("Global model: accuracy", "Round", "Accuracy", globalData, true);
        lossChart = Charts.lineChart("Global model: loss", "Round", "Cross-entropy loss", lossData, true);
        hospitalChart = Charts.lineChart("Accuracy at each hospital", "Round", "Accuracy", hospitalData, true);
        // drawn off the FX thread: a redraw of a long run's chart costs tens of milliseconds in software rendering
        globalViewer = new OffThreadChartView(globalChart, "chart-global");
        lossViewer = new OffThreadChartView(lossChart, "chart-loss");
        hospitalViewer = new OffThreadChartView(hospitalChart, "chart-hospitals");
        hospitalToggles.setId("hospital-toggles");
        // the charts do not redraw on every data change; a timer on the pulse redraws them when something changed
        for (JFreeChart c : List.of(globalChart, lossChart, hospitalChart)) {
            c.setNotify(false);
        }
        redraw = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                // one chart per pulse, each at most every REDRAW_NANOS: no pulse pays for three redraws
                if (!dirty.isEmpty() && now - lastDraw >= REDRAW_NANOS / 3) {
                    JFreeChart next = dirty.remove(0);
                    viewOf(next).redraw();
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
                changed();
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
    }

    private OffThreadChartView viewOf(JFreeChart chart) {
        return chart == globalChart ? globalViewer : chart == lossChart ? lossViewer : hospitalViewer;
    }

    private void changed() {
        for (JFreeChart c : List.of(globalChart, lossChart, hospitalChart)) {
            if (dirty.stream().noneMatch(d -> d == c)) {
                dirty.add(c);
            }
        }
        if (!timerRunning) {
            timerRunning = true;
            redraw.start();
        }
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
        for (int i = 0; i < hospitalData.getSeriesCount(); i++) {
            hospitalData.getSeries(i).clear(); // the hospitals keep their lines and toggles for the next run
        }
        changed();
    }

    private void resetHospitals(List<String> names) {
        hospitalData.removeAllSeries();
        hospitalOrder.clear();
        hospitalToggles.getChildren().clear();
        XYPlot plot = hospitalChart.getXYPlot();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            hospitalOrder.add(name);
            hospitalData.addSeries(new XYSeries(name, false, true));
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
                changed();
            });
            hospitalToggles.getChildren().add(toggle);
        }
        changed();
    }

    private void add(List<? extends RoundPoint> added) {
        for (RoundPoint p : added) {
            addSilently(accuracy, p.round(), p.accuracy());
            addSilently(weighted, p.round(), p.accuracyWeighted());
            addSilently(auc, p.round(), p.auc());
            addSilently(loss, p.round(), p.loss());
            addSilently(trainLoss, p.round(), p.trainLoss());
            for (int i = 0; i < hospitalOrder.size(); i++) {
                Double a = p.hospitalAccuracy().get(hospitalOrder.get(i));
                if (a != null) {
                    hospitalData.getSeries(i).add(p.round(), a, false);
                }
            }
        }
        for (XYSeries s : List.of(accuracy, weighted, auc, loss, trainLoss)) {
            s.fireSeriesChanged();
        }
        for (int i = 0; i < hospitalData.getSeriesCount(); i++) {
            hospitalData.getSeries(i).fireSeriesChanged();
        }
        changed();
    }

    private static void addSilently(XYSeries s, int round, double v) {
        if (!Double.isNaN(v)) {
            s.add(round, v, false);
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
}
