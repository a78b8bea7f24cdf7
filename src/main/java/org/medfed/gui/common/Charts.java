package org.medfed.gui.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.ScrollEvent;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.jfree.chart.fx.interaction.ScrollHandlerFX;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeriesCollection;
import org.medfed.engine.BadInputException;
import org.medfed.io.AtomicFiles;
import org.medfed.report.LineCharts;

/** Line charts styled for reading at a glance: white ground, large type, distinct colours, whole-number rounds. */
public final class Charts {

    /** Colours that stay apart for people with the common colour-vision deficiencies (Okabe-Ito). */
    public static final Color[] PALETTE = LineCharts.PALETTE;

    private Charts() {
    }

    /** A line chart in the workbench's style (see LineCharts, shared with the reports). */
    public static JFreeChart lineChart(String title, String xLabel, String yLabel, XYSeriesCollection data,
                                       boolean integerX) {
        return LineCharts.create(title, xLabel, yLabel, data, integerX);
    }

    public static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId(id);
        // a plain wheel scrolls the screen; zooming every chart that passed under the pointer surprised people
        ChartCanvas canvas = viewer.getCanvas();
        MouseHandlerFX scroll = canvas.getMouseHandler("scroll");
        if (scroll != null) {
            canvas.removeAuxiliaryMouseHandler(scroll);
        }
        canvas.addAuxiliaryMouseHandler(new ZoomOnShortcutScroll());
        viewer.setMinSize(200, 160);
        viewer.setPrefSize(480, 300);
        // drawn only while in a scene: a hidden screen's chart that changes (the ROC curve when a run ends) would
        // otherwise be drawn on the FX thread for nobody; attached again, it draws once
        chart.setNotify(false);
        viewer.sceneProperty().addListener((obs, was, is) -> chart.setNotify(is != null));
        return viewer;
    }

    /** Writes the chart as a PNG, atomically. */
    public static void savePng(JFreeChart chart, Path file, int width, int height) {
        try {
            Path temp = Files.createTempFile("medfed-chart", ".png");
            try {
                ChartUtils.saveChartAsPNG(temp.toFile(), chart, width, height);
                AtomicFiles.write(file, Files.readAllBytes(temp));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new BadInputException(file, null, "the chart could not be saved: " + e.getMessage(), e);
        }
    }

    /** Zooms with the wheel only while Ctrl (Cmd on a Mac) is held, and then the screen does not scroll as well. */
    static final class ZoomOnShortcutScroll extends ScrollHandlerFX {

        ZoomOnShortcutScroll() {
            super("scroll");
        }

        @Override
        public void handleScroll(ChartCanvas canvas, ScrollEvent e) {
            if (e.isShortcutDown()) {
                super.handleScroll(canvas, e);
                e.consume();
            }
        }
    }
}
