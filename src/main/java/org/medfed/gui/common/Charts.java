package org.medfed.gui.common;

import java.awt.Color;
import javafx.scene.input.ScrollEvent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.jfree.chart.fx.interaction.ScrollHandlerFX;
import org.jfree.data.xy.XYSeriesCollection;
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
