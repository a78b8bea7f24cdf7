package org.medfed.report;

import java.awt.BasicStroke;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * QQ plot of association p-values: observed -log10 p against what as many p-values would give under no association,
 * with the diagonal where they would lie. The one chart of it: the study's {@code qq.png} and the workbench's plot.
 */
public final class QqPlot {

    private QqPlot() {
    }

    /**
     * @param negLog10P -log10 p of the tested variants (NaN and infinite values are left out)
     * @param lambda genomic inflation factor, shown in the title
     * @param title chart title; the lambda is appended
     */
    public static JFreeChart create(double[] negLog10P, double lambda, String title) {
        return create(QqPoints.of(negLog10P), lambda, title);
    }

    /** As {@link #create(double[], double, String)}, from the points already made (the workbench keeps them). */
    public static JFreeChart create(QqPoints points, double lambda, String title) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("variants", new double[][] {points.expected(), points.observed()});
        NumberAxis x = new NumberAxis("Expected -log10(p)");
        NumberAxis y = new NumberAxis("Observed -log10(p)");
        x.setRange(0, points.maxExpected() * 1.05);
        y.setRange(0, Math.max(points.maxExpected(), points.maxObserved()) * 1.05);
        // 100,000 variants: dots hidden under others are not drawn
        DotCloudRenderer dots = new DotCloudRenderer(ManhattanPlot.DOT);
        dots.setSeriesPaint(0, ManhattanPlot.DARK);
        XYPlot plot = new XYPlot(data, x, y, dots);
        DefaultXYDataset diagonal = new DefaultXYDataset();
        diagonal.addSeries("expected under no association", new double[][] {{0, points.maxExpected()},
                {0, points.maxExpected()}});
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, ManhattanPlot.LINE);
        line.setSeriesStroke(0, new BasicStroke(1.4f));
        plot.setDataset(1, diagonal);
        plot.setRenderer(1, line);
        return ChartStyle.chart(title + String.format(Locale.ROOT, " (\u03bb = %.3f)", lambda), plot);
    }
}
