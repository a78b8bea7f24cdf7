package org.medfed.gui.common;

import java.awt.Rectangle;
import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import org.jfree.chart.JFreeChart;
import org.jfree.fx.FXGraphics2D;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a throwaway chart of a long run into a detached canvas a few times after start-up, one draw per pulse,
 * so that the drawing code is compiled before the first real run. Without it the first seconds of the first
 * run stalled the screen for 150-300 ms while the JIT compiler caught up (docs/workbench.md).
 */
public final class ChartWarmUp {

    static final int DRAWS = 24;
    static final int ROUNDS = 300;

    private ChartWarmUp() {
    }

    /** Starts the warm-up on the FX thread; returns at once. */
    public static void start() {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int s = 0; s < 4; s++) {
            XYSeries series = new XYSeries("warm-up " + s, false, true);
            for (int r = 1; r <= ROUNDS; r++) {
                series.add(r, 0.5 + 0.3 * Math.sin(r / 17.0 + s));
            }
            data.addSeries(series);
        }
        JFreeChart chart = Charts.lineChart("warm-up", "Round", "Accuracy", data, true);
        Canvas canvas = new Canvas(480, 300);
        FXGraphics2D g2 = new FXGraphics2D(canvas.getGraphicsContext2D());
        Rectangle area = new Rectangle(0, 0, 480, 300);
        new AnimationTimer() {
            private int done;

            @Override
            public void handle(long now) {
                chart.draw(g2, area);
                canvas.getGraphicsContext2D().clearRect(0, 0, 480, 300); // the commands are never shown
                if (++done >= DRAWS) {
                    stop();
                }
            }
        }.start();
    }

}
