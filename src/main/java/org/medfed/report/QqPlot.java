package org.medfed.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Quantile-quantile plot of p-values: observed -log10 p against what the same number of null p-values
 * would give, with the diagonal and the genomic inflation factor in the title. Points above the diagonal
 * at the top end are hits; a whole curve lifted off it is inflation (structure, relatedness, a QC problem).
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
        double[] observed = Arrays.stream(negLog10P).filter(Double::isFinite).sorted().toArray();
        int n = observed.length;
        double[][] points = new double[2][n];
        double max = 1;
        for (int i = 0; i < n; i++) {
            // the i-th largest observed value against the expected (i - 0.5) / n quantile
            double expected = -Math.log10((i + 0.5) / n);
            double value = observed[n - 1 - i];
            points[0][i] = expected;
            points[1][i] = value;
            max = Math.max(max, Math.max(expected, value));
        }
        double expectedMax = n == 0 ? 1 : -Math.log10(0.5 / n);
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("variants", points);
        DefaultXYDataset diagonal = new DefaultXYDataset();
        diagonal.addSeries("expected under the null", new double[][] {{0, expectedMax}, {0, expectedMax}});
        // 100,000 variants: dots hidden under others are not drawn
        DotCloudRenderer dots = new DotCloudRenderer(ManhattanPlot.DOT);
        dots.setSeriesPaint(0, ManhattanPlot.DARK);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, new Color(0xc0, 0x39, 0x2b));
        line.setSeriesStroke(0, new BasicStroke(1.2f));
        NumberAxis x = new NumberAxis("Expected -log10(p)");
        NumberAxis y = new NumberAxis("Observed -log10(p)");
        x.setRange(0, expectedMax * 1.05);
        y.setRange(0, max * 1.05);
        XYPlot plot = new XYPlot(data, x, y, dots);
        plot.setDataset(1, diagonal);
        plot.setRenderer(1, line);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        String full = title + String.format(Locale.ROOT, " (\u03bb = %.3f)", lambda);
        JFreeChart chart = new JFreeChart(full, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
