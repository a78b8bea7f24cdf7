package org.medfed.gui.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeriesCollection;
import org.medfed.engine.BadInputException;
import org.medfed.io.AtomicFiles;

/** Line charts styled for reading at a glance: white ground, large type, distinct colours, whole-number rounds. */
public final class Charts {

    /** Colours that stay apart for people with the common colour-vision deficiencies (Okabe-Ito). */
    public static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66), new Color(0, 0, 0)
    };

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Charts() {
    }

    public static JFreeChart lineChart(String title, String xLabel, String yLabel, XYSeriesCollection data,
                                       boolean integerX) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, true, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LABEL);
        legend.setPosition(RectangleEdge.BOTTOM);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // one path per series instead of a stroke per segment: long runs redraw several times faster
        renderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < PALETTE.length; i++) {
            renderer.setSeriesPaint(i, PALETTE[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        plot.setRenderer(renderer);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        for (NumberAxis axis : new NumberAxis[] {x, y}) {
            axis.setLabelFont(LABEL);
            axis.setTickLabelFont(TICK);
        }
        if (integerX) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        y.setAutoRangeIncludesZero(false);
        return chart;
    }

    public static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId(id);
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
}
