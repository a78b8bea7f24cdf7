package org.medfed.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Line charts drawn straight to PNG bytes from plain numbers, in the workbench's style (LineCharts), for pages
 * such as the study report that carry their pictures inside them.
 */
public final class ChartImages {

    private ChartImages() {
    }

    /** One line: its name in the legend and its points. */
    public record Line(String name, double[] x, double[] y) {
    }

    /**
     * @param unitSquare both axes from 0 to 1 (ROC, calibration)
     * @param dots       a dot at every point (calibration bins), not only on lines of one point
     */
    public static byte[] png(String title, String xLabel, String yLabel, List<Line> lines, boolean integerX,
                             boolean unitSquare, boolean dots, int width, int height) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line l : lines) {
            XYSeries s = new XYSeries(l.name(), false, true);
            for (int i = 0; i < l.x().length; i++) {
                s.add(l.x()[i], l.y()[i]);
            }
            data.addSeries(s);
        }
        JFreeChart chart = LineCharts.create(title, xLabel, yLabel, data, integerX);
        if (unitSquare) {
            ((NumberAxis) chart.getXYPlot().getDomainAxis()).setRange(0, 1.0001);
            ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRange(0, 1.0001);
        }
        if (dots) {
            ((XYLineAndShapeRenderer) chart.getXYPlot().getRenderer()).setDefaultShapesVisible(true);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            // drawn at twice the given size, so that a printed page stays sharp
            ChartUtils.writeBufferedImageAsPNG(png, chart.createBufferedImage(2 * width, 2 * height, width, height, null));
        } catch (IOException e) {
            throw new UncheckedIOException("a chart could not be drawn", e);
        }
        return png.toByteArray();
    }
}
