package org.medfed.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Manhattan plot: -log10 p of every variant along the genome, chromosomes in alternating colours, a
 * dashed line at the significance threshold (said above the plot) and the strongest hits above it labelled. Built as a plain
 * {@link JFreeChart} so that the workbench can show the same chart in its viewer.
 */
public final class ManhattanPlot {

    static final Color DARK = new Color(0x1f, 0x4e, 0x79);
    static final Color LIGHT = new Color(0x6b, 0xae, 0xd6);
    static final Color LINE = new Color(0xc0, 0x39, 0x2b);
    private static final int LABELLED_HITS = 5;
    static final int DOT = 5;

    private ManhattanPlot() {
    }

    /**
     * @param points one per tested variant (order does not matter)
     * @param significance p-value threshold drawn as a line (5e-8 by convention)
     * @param title chart title
     */
    public static JFreeChart create(List<AssociationPoint> points, double significance, String title) {
        ManhattanLayout layout = ManhattanLayout.of(points, AssociationPoint::chromosome, AssociationPoint::position,
                AssociationPoint::negLog10P, p -> true);
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("odd chromosomes", layout.series(false).xy());
        data.addSeries("even chromosomes", layout.series(true).xy());
        ChromosomeAxis x = new ChromosomeAxis(layout.centres(), layout.names());
        x.setRange(-layout.gap(), layout.width() + layout.gap());
        double maxY = layout.maxY();
        NumberAxis y = new NumberAxis("-log10(p)");
        double threshold = -Math.log10(significance);
        y.setRange(0, Math.max(threshold, maxY) * 1.08 + 0.5);
        // 100,000 variants: dots hidden under others are not drawn
        DotCloudRenderer renderer = new DotCloudRenderer(DOT);
        renderer.setSeriesPaint(0, DARK);
        renderer.setSeriesPaint(1, LIGHT);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));

        plot.addRangeMarker(thresholdLine(threshold, LINE), Layer.FOREGROUND);
        labelTopHits(plot, layout, points, threshold);

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addSubtitle(thresholdLegend(String.format(Locale.ROOT, "%.0e", significance), LINE,
                new Font("SansSerif", Font.PLAIN, 11)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The significance threshold's dashed line across the plot, at -log10 of the threshold. */
    public static ValueMarker thresholdLine(double negLog10Threshold, Color colour) {
        return new ValueMarker(negLog10Threshold, colour,
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    /**
     * What the dashed line is, said above the plot at its right rather than on the line: a label on the line hid the
     * dot of a hit just above it in the last chromosomes, and moved to the left it would hide one in chromosome 1.
     *
     * @param threshold the threshold as people write it ("5e-08")
     */
    public static TextTitle thresholdLegend(String threshold, Color colour, Font font) {
        TextTitle legend = new TextTitle("- - -  significance threshold, p = " + threshold, font);
        legend.setPaint(colour);
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        // level with the plot's right edge rather than the picture's
        legend.setPadding(new RectangleInsets(0, 0, 2, 10));
        return legend;
    }

    private static void labelTopHits(XYPlot plot, ManhattanLayout layout, List<AssociationPoint> points,
                                     double threshold) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            if (layout.y(i) >= threshold) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> layout.y(i)).reversed());
        Font font = new Font("SansSerif", Font.PLAIN, 10);
        for (int k = 0; k < Math.min(LABELLED_HITS, order.size()); k++) {
            int i = order.get(k);
            XYTextAnnotation label = new XYTextAnnotation(points.get(layout.row(i)).label(), layout.x(i), layout.y(i));
            label.setFont(font);
            // a hit near the right edge is labelled to its left, so that its name is not cut off
            label.setTextAnchor(layout.x(i) > layout.width() * 0.9 ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(label);
        }
    }
}
