package org.medfed.gui.genotypes;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.medfed.report.ChromosomeAxis;
import org.medfed.report.DotCloudRenderer;
import org.medfed.report.ManhattanLayout;
import org.medfed.report.ManhattanPlot;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.medfed.gui.common.Charts;

/**
 * The association study's two plots as JFreeChart charts, for the screen and for PNG files. Points come from plain
 * arrays and are drawn by {@link DotCloudRenderer}, so that 100,000 variants draw in a fraction of a second.
 */
final class GwasCharts {

    static final Color DARK = Charts.PALETTE[0];
    static final Color LIGHT = Charts.PALETTE[4];
    static final Color LINE = new Color(0xc0, 0x39, 0x2b);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int DOT = 4;

    private GwasCharts() {
    }

    static JFreeChart manhattan(ManhattanLayout layout, double significance, String title) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("even chromosomes", layout.series(false).xy());
        data.addSeries("odd chromosomes", layout.series(true).xy());
        ChromosomeAxis x = new ChromosomeAxis(layout.centres(), layout.names());
        x.setRange(-layout.gap(), layout.width() + layout.gap());
        NumberAxis y = new NumberAxis("-log10(p)");
        double threshold = -Math.log10(significance);
        y.setRange(0, Math.max(threshold, layout.maxY()) * 1.08 + 0.5);
        XYPlot plot = new XYPlot(data, x, y, dots(DARK, LIGHT));
        plot.addRangeMarker(ManhattanPlot.thresholdLine(threshold, LINE), Layer.FOREGROUND);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
        chart.addSubtitle(ManhattanPlot.thresholdLegend(GenotypeTaskViewModel.format(significance), LINE, TICK));
        return styled(chart, plot);
    }

    static JFreeChart qq(QqPoints points, double lambda, String title) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("variants", new double[][] {points.expected(), points.observed()});
        NumberAxis x = new NumberAxis("Expected -log10(p)");
        NumberAxis y = new NumberAxis("Observed -log10(p)");
        x.setRange(0, points.maxExpected() * 1.05);
        y.setRange(0, Math.max(points.maxExpected(), points.maxObserved()) * 1.05);
        XYPlot plot = new XYPlot(data, x, y, dots(DARK, DARK));
        // the diagonal: where the points lie when no variant is associated
        DefaultXYDataset diagonal = new DefaultXYDataset();
        diagonal.addSeries("expected under no association", new double[][] {{0, points.maxExpected()},
                {0, points.maxExpected()}});
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, LINE);
        line.setSeriesStroke(0, new BasicStroke(1.4f));
        plot.setDataset(1, diagonal);
        plot.setRenderer(1, line);
        String full = title + String.format(Locale.ROOT, " (λ = %.3f)", lambda);
        return styled(new JFreeChart(full, TITLE, plot, false), plot);
    }

    private static DotCloudRenderer dots(Color even, Color odd) {
        DotCloudRenderer dots = new DotCloudRenderer(DOT);
        dots.setSeriesPaint(0, even);
        dots.setSeriesPaint(1, odd);
        return dots;
    }

    private static JFreeChart styled(JFreeChart chart, XYPlot plot) {
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        for (var axis : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelFont(LABEL);
            axis.setTickLabelFont(TICK);
        }
        return chart;
    }

    /** Rings the chosen variant on the Manhattan plot and names it (null clears). */
    static void highlight(JFreeChart chart, ManhattanLayout layout, int point, String label) {
        XYPlot plot = chart.getXYPlot();
        // one redraw for the whole change, not one per annotation (a redraw of 100,000 points is not free)
        chart.setNotify(false);
        try {
            plot.clearAnnotations();
            if (point >= 0) {
                ring(plot, layout, point, label);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    private static void ring(XYPlot plot, ManhattanLayout layout, int point, String label) {
        double px = layout.x(point);
        double py = layout.y(point);
        // sized as a share of the ranges shown when the variant is chosen, so that it is visible at any zoom
        double w = (plot.getDomainAxis().getRange().getLength()) / 120;
        double h = (plot.getRangeAxis().getRange().getLength()) / 40;
        plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(px - w / 2, py - h / 2, w, h),
                new BasicStroke(2f), LINE));
        XYTextAnnotation text = new XYTextAnnotation("  " + label, px, py);
        text.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        text.setTextAnchor(TextAnchor.CENTER_LEFT);
        text.setPaint(Color.BLACK);
        plot.addAnnotation(text);
    }
}
