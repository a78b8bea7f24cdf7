package org.medfed.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Line charts styled for reading at a glance, the same on screen and in reports: white ground, large type, distinct
 * colours, whole-number rounds. A series of one point is drawn as a dot (a line needs two), and a flat line keeps a
 * readable axis (at least {@link #MIN_RANGE} tall, ticks in plain decimals rather than "5E-1").
 */
public final class LineCharts {

    /** Colours that stay apart for people with the common colour-vision deficiencies (Okabe-Ito). */
    public static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66), new Color(0, 0, 0)
    };

    /** The smallest value range an axis shows: a flat accuracy of 0.5 is drawn from 0.475 to 0.525. */
    public static final double MIN_RANGE = 0.05;

    private LineCharts() {
    }

    public static JFreeChart create(String title, String xLabel, String yLabel, XYSeriesCollection data, boolean integerX) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, true, false);
        ChartStyle.style(chart);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(ChartStyle.LABEL);
        legend.setPosition(RectangleEdge.BOTTOM);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false) {
            @Override
            public boolean getItemShapeVisible(int series, int item) {
                XYDataset d = getPlot() == null ? null : getPlot().getDataset();
                return super.getItemShapeVisible(series, item) || d != null && d.getItemCount(series) == 1;
            }
        };
        // one path per series instead of a stroke per segment: long runs redraw several times faster
        renderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < PALETTE.length; i++) {
            renderer.setSeriesPaint(i, PALETTE[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        plot.setRenderer(renderer);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        if (integerX) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            x.setAutoRangeMinimumSize(1);
        }
        y.setAutoRangeIncludesZero(false);
        y.setAutoRangeMinimumSize(MIN_RANGE);
        y.setStandardTickUnits(decimalTicks());
        return chart;
    }

    /**
     * Tick steps from 0.001 to 1000 written as plain decimals (JFreeChart's own switch to "5E-1" on small ranges),
     * with as many decimals as the step has: a step of 0.025 printed with two wrote 0.725 as "0.73".
     */
    static TickUnits decimalTicks() {
        TickUnits units = new TickUnits();
        double size = 0.001;
        for (int decimals = 3; decimals >= -3; decimals--) {
            for (double step : new double[] {1, 2, 2.5, 5}) {
                int places = Math.max(0, step == 2.5 ? decimals + 1 : decimals);
                DecimalFormat f = new DecimalFormat(places == 0 ? "0" : "0." + "0".repeat(places),
                        java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
                units.add(new NumberTickUnit(size * step, f));
            }
            size *= 10;
        }
        return units;
    }
}
