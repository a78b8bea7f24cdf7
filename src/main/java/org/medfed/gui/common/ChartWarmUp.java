package org.medfed.gui.common;

import java.util.concurrent.Executor;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a throwaway chart of a long run a few times after start-up, the way the live charts are drawn (copied, then
 * drawn into an image on the drawing thread), so that the drawing code is compiled before the first real run.
 * Without it the first seconds of the first run were drawn by the interpreter. All of it runs on the drawing
 * thread, one drawing per task, so a run started meanwhile has its own drawings interleaved and the FX thread pays
 * nothing.
 */
public final class ChartWarmUp {

    static final int DRAWS = 24;
    static final int ROUNDS = 300;

    private ChartWarmUp() {
    }

    /** Starts the warm-up on the live charts' drawing thread; returns at once. */
    public static void start(Executor drawing) {
        drawing.execute(() -> {
            XYSeriesCollection data = new XYSeriesCollection();
            for (int s = 0; s < 4; s++) {
                XYSeries series = new XYSeries("warm-up " + s, false, true);
                for (int r = 1; r <= ROUNDS; r++) {
                    series.add(r, 0.5 + 0.3 * Math.sin(r / 17.0 + s));
                }
                data.addSeries(series);
            }
            draw(Charts.lineChart("warm-up", "Round", "Accuracy", data, true), drawing, DRAWS);
        });
    }

    private static void draw(JFreeChart chart, Executor drawing, int left) {
        if (left == 0) {
            return;
        }
        javafx.embed.swing.SwingFXUtils.toFXImage(ChartSnapshot.of(chart).createBufferedImage(480, 300), null);
        drawing.execute(() -> draw(chart, drawing, left - 1));
    }
}
