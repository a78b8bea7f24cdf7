package org.medfed.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class OffThreadChartFxTest {

    private final XYSeries series = new XYSeries("accuracy", false, true);
    private final XYSeriesCollection data = new XYSeriesCollection(series);
    private final JFreeChart chart = Charts.lineChart("Accuracy", "Round", "Accuracy", data, true);
    private final Deque<Runnable> drawingQueue = new ArrayDeque<>();
    private final Deque<Runnable> uiQueue = new ArrayDeque<>();
    private OffThreadChartView view;

    @Start
    void start(Stage stage) {
        view = new OffThreadChartView(chart, "live", drawingQueue::add, uiQueue::add);
        stage.setScene(new Scene(new StackPane(view), 400, 250));
        stage.show();
    }

    @Test
    void aSnapshotSharesNoDataWithTheChartItCopies() {
        series.add(1, 0.5);
        JFreeChart copy = ChartSnapshot.of(chart);
        series.add(2, 0.6);
        XYSeriesCollection copied = (XYSeriesCollection) copy.getXYPlot().getDataset();
        assertThat(copied).isNotSameAs(data);
        assertThat(copied.getSeries(0).getItemCount()).isEqualTo(1);
        double upper = copy.getXYPlot().getDomainAxis().getUpperBound();
        series.add(30, 0.7);
        assertThat(copy.getXYPlot().getDomainAxis().getUpperBound())
                .as("the copy does not follow changes of the original's data").isEqualTo(upper);
        assertThat(copy.getLegend().getSources()).containsExactly(copy.getXYPlot());
        assertThat(copy.getXYPlot()).isNotSameAs(chart.getXYPlot());
    }

    @Test
    void redrawsAskedForDuringADrawingBecomeOneMoreDrawing(FxRobot robot) {
        robot.interact(() -> {
            while (!drawingQueue.isEmpty() || !uiQueue.isEmpty()) { // the drawings asked for by the first layout
                drawingQueue.forEach(Runnable::run);
                drawingQueue.clear();
                uiQueue.forEach(Runnable::run);
                uiQueue.clear();
            }
            series.add(1, 0.5);
            view.redraw();
            series.add(2, 0.6);
            view.redraw();
            view.redraw();
        });
        assertThat(drawingQueue).as("one drawing at a time").hasSize(1);
        robot.interact(() -> {
            drawingQueue.poll().run(); // what the drawing thread does
            uiQueue.poll().run();      // back on the FX thread: show it, then draw the merged requests
        });
        assertThat(view.drawings()).isGreaterThanOrEqualTo(1);
        assertThat(drawingQueue).hasSize(1);
        robot.interact(() -> {
            drawingQueue.poll().run();
            uiQueue.poll().run();
        });
        assertThat(drawingQueue).isEmpty();
        assertThat(view.busy()).isFalse();
    }

    @Test
    void aChartOutOfTheSceneIsNotDrawnUntilItIsBack(FxRobot robot) {
        StackPane[] parent = new StackPane[1];
        robot.interact(() -> {
            drainQueues();
            parent[0] = (StackPane) view.getParent();
            parent[0].getChildren().clear(); // as when its tab is not selected
            series.add(1, 0.5);
            view.redraw();
        });
        assertThat(drawingQueue).as("nothing drawn for a hidden chart").isEmpty();
        robot.interact(() -> parent[0].getChildren().add(view));
        assertThat(drawingQueue).as("drawn once it is back in the scene").hasSize(1);
    }

    private void drainQueues() {
        while (!drawingQueue.isEmpty() || !uiQueue.isEmpty()) {
            drawingQueue.forEach(Runnable::run);
            drawingQueue.clear();
            uiQueue.forEach(Runnable::run);
            uiQueue.clear();
        }
    }
}
