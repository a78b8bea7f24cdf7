package org.medfed.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A plain wheel over a chart scrolls the screen it is on; Ctrl + wheel zooms the chart, and Reset view undoes it. */
@ExtendWith(ApplicationExtension.class)
class ResettableChartFxTest {

    private JFreeChart chart;
    private ResettableChart view;

    @Start
    void start(Stage stage) {
        XYSeries line = new XYSeries("accuracy");
        for (int i = 0; i <= 30; i++) {
            line.add(i, 0.5 + i / 100.0);
        }
        chart = Charts.lineChart("Accuracy", "Round", "Accuracy", new XYSeriesCollection(line), true);
        view = new ResettableChart(chart, "chart");
        view.setPrefSize(500, 320);
        stage.setScene(new Scene(new ScrollPane(view), 600, 400));
        stage.show();
    }

    @Test
    void onlyCtrlAndTheWheelZoom(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Range home = fx(() -> chart.getXYPlot().getDomainAxis().getRange());

        ScrollEvent plain = wheel(false);
        fx(() -> fire(plain));
        assertThat(fx(() -> chart.getXYPlot().getDomainAxis().getRange())).isEqualTo(home);
        assertThat(plain.isConsumed()).as("left for the screen to scroll").isFalse();

        ScrollEvent withCtrl = wheel(true);
        fx(() -> fire(withCtrl));
        assertThat(fx(() -> chart.getXYPlot().getDomainAxis().getRange())).isNotEqualTo(home);
        assertThat(withCtrl.isConsumed()).as("the screen does not scroll while the chart zooms").isTrue();

        fx(() -> {
            view.reset();
            return null;
        });
        assertThat(fx(() -> chart.getXYPlot().getDomainAxis().getRange())).isEqualTo(home);
    }

    private ScrollEvent wheel(boolean control) {
        ChartCanvas canvas = view.viewer().getCanvas();
        double x = canvas.getWidth() / 2;
        double y = canvas.getHeight() / 2;
        return new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, control, false, false, false, false, 0, 40, 0,
                40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }

    private Void fire(ScrollEvent e) {
        // the canvas's own handler sees the very event object, so that a consumed event shows here
        view.viewer().getCanvas().getOnScroll().handle(e);
        return null;
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }
}
