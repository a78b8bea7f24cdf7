package org.medfed.gui.common;

import java.awt.image.BufferedImage;
import java.util.concurrent.Executor;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;

/**
 * A live chart drawn off the FX thread: on each {@link #redraw()} the chart is copied ({@link ChartSnapshot}, a
 * fraction of a millisecond for a few hundred points), drawn into an image on a background thread, and the image
 * shown when ready. Drawing a chart of a long run costs tens of milliseconds in software rendering; on the FX thread
 * that stalled the screen (docs/workbench.md). Redraw requests that arrive while a drawing is under way are merged
 * into one more drawing. For charts that change while a run goes on; still charts can stay in a ChartViewer.
 */
public final class OffThreadChartView extends Region {

    private final JFreeChart chart;
    private final ImageView image = new ImageView();
    private final Executor drawing;
    private final Executor ui;
    private boolean drawingNow;
    private boolean again;
    private boolean missed;
    private int drawnWidth;
    private int drawnHeight;
    private int drawings;

    /**
     * Draws on {@code drawing} (the workbench's one drawing thread, so drawings never run side by side) and shows
     * the result with {@code Platform.runLater}.
     */
    public OffThreadChartView(JFreeChart chart, String id, Executor drawing) {
        this(chart, id, drawing, javafx.application.Platform::runLater);
    }

    OffThreadChartView(JFreeChart chart, String id, Executor drawing, Executor ui) {
        this.chart = chart;
        this.drawing = drawing;
        this.ui = ui;
        setId(id);
        getStyleClass().add("live-chart");
        image.setPreserveRatio(false);
        getChildren().add(image);
        setMinSize(200, 160);
        setPrefSize(480, 300);
        widthProperty().addListener((obs, was, is) -> redraw());
        heightProperty().addListener((obs, was, is) -> redraw());
        // out of the scene (a hidden tab) nothing is drawn; back in, the chart is drawn as it is then
        sceneProperty().addListener((obs, was, is) -> {
            if (is != null && missed) {
                missed = false;
                redraw();
            }
        });
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Draws the chart as it is now; call on the FX thread after changing it. */
    public void redraw() {
        if (getScene() == null) {
            missed = true;
            return;
        }
        int w = (int) Math.floor(getWidth());
        int h = (int) Math.floor(getHeight());
        if (w <= 0 || h <= 0) {
            return;
        }
        if (drawingNow) {
            again = true;
            return;
        }
        drawingNow = true;
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        JFreeChart copy = ChartSnapshot.of(chart);
        try {
            drawing.execute(() -> {
                WritableImage drawn = null;
                try {
                    BufferedImage picture = copy.createBufferedImage((int) Math.round(w * scale),
                            (int) Math.round(h * scale), w, h, null);
                    drawn = SwingFXUtils.toFXImage(picture, null);
                } finally {
                    WritableImage result = drawn;
                    ui.execute(() -> shown(result, w, h));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the workers were stopped: the window is closing, and a redraw on its way out has nobody to show it to
            drawingNow = false;
        }
    }

    private void shown(WritableImage drawn, int w, int h) {
        drawingNow = false;
        if (drawn != null) {
            image.setImage(drawn);
            image.setFitWidth(w);
            image.setFitHeight(h);
            drawnWidth = w;
            drawnHeight = h;
            drawings++;
        }
        if (again) {
            again = false;
            redraw();
        }
    }

    /** Whether a drawing is under way or waiting, for tests. */
    public boolean busy() {
        return drawingNow || again;
    }

    /** How many drawings have been shown, for tests. */
    public int drawings() {
        return drawings;
    }

    @Override
    protected void layoutChildren() {
        image.relocate(0, 0);
        if (drawnWidth != (int) getWidth() || drawnHeight != (int) getHeight()) {
            // until the new size is drawn, stretch the last picture rather than leave a gap
            image.setFitWidth(getWidth());
            image.setFitHeight(getHeight());
        }
    }
}
