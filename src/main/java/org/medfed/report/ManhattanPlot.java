package org.medfed.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.medfed.io.DecimalText;

/**
 * Manhattan plot: -log10 p of every variant along the genome, chromosomes in alternating colours, a
 * dashed line at the significance threshold (said above the plot) and the strongest hits above it labelled. The one
 * chart of it: the study's {@code manhattan.png} and the workbench's plot, which adds the variant a person picks.
 */
public final class ManhattanPlot {

    /** Chromosomes 1, 3, 5 ... and the dots of the QQ plot (Okabe-Ito blue). */
    public static final Color DARK = LineCharts.PALETTE[0];
    /** Chromosomes 2, 4, 6 ... (Okabe-Ito sky blue). */
    public static final Color LIGHT = LineCharts.PALETTE[4];
    /** The threshold, the QQ plot's diagonal, a picked variant's ring. */
    public static final Color LINE = new Color(0xc0, 0x39, 0x2b);
    private static final int LABELLED_HITS = 5;
    /** Hits closer than this share of the genome's width belong to one peak, which is named once, by its strongest. */
    private static final double PEAK_WIDTH = 0.03;
    static final int DOT = 4;

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
        return create(layout, row -> points.get(row).label(), significance, title);
    }

    /**
     * As {@link #create(List, double, String)}, from a layout already made (the workbench keeps its layout to find
     * the point a click falls on).
     *
     * @param labelOfRow the name shown beside a hit, by its row in the list the layout was made of
     */
    public static JFreeChart create(ManhattanLayout layout, IntFunction<String> labelOfRow, double significance,
                                    String title) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("odd chromosomes", layout.series(false).xy());
        data.addSeries("even chromosomes", layout.series(true).xy());
        ChromosomeAxis x = new ChromosomeAxis(layout.centres(), layout.names());
        x.setRange(-layout.gap(), layout.width() + layout.gap());
        NumberAxis y = new NumberAxis("-log10(p)");
        double threshold = -Math.log10(significance);
        y.setRange(0, Math.max(threshold, layout.maxY()) * 1.08 + 0.5);
        // 100,000 variants: dots hidden under others are not drawn
        DotCloudRenderer renderer = new DotCloudRenderer(DOT);
        renderer.setSeriesPaint(0, DARK);
        renderer.setSeriesPaint(1, LIGHT);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.addRangeMarker(new ValueMarker(threshold, LINE,
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)),
                Layer.FOREGROUND);
        labelTopHits(plot, layout, labelOfRow, threshold);
        JFreeChart chart = ChartStyle.chart(title, plot);
        plot.setDomainGridlinesVisible(false);
        chart.addSubtitle(thresholdLegend(significance));
        return chart;
    }

    /**
     * What the dashed line is, said above the plot at its right rather than on the line: a label on the line hid the
     * dot of a hit just above it in the last chromosomes, and moved to the left it would hide one in chromosome 1.
     */
    private static TextTitle thresholdLegend(double significance) {
        TextTitle legend = new TextTitle("- - -  significance threshold, p = " + DecimalText.asWritten(significance),
                ChartStyle.TICK);
        legend.setPaint(LINE);
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        // level with the plot's right edge rather than the picture's
        legend.setPadding(new RectangleInsets(0, 0, 2, 10));
        return legend;
    }

    private static void labelTopHits(XYPlot plot, ManhattanLayout layout, IntFunction<String> labelOfRow,
                                     double threshold) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            if (layout.y(i) >= threshold) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> layout.y(i)).reversed());
        Font font = ChartStyle.TICK.deriveFont(11f);
        // one name per peak: the variants of one locus pass together, and their names would stack on one tower
        double peak = layout.width() * PEAK_WIDTH;
        List<Double> named = new ArrayList<>();
        for (int i : order) {
            if (named.size() == LABELLED_HITS) {
                break;
            }
            double x = layout.x(i);
            if (named.stream().anyMatch(n -> Math.abs(n - x) < peak)) {
                continue;
            }
            named.add(x);
            XYTextAnnotation label = new XYTextAnnotation(labelOfRow.apply(layout.row(i)), x, layout.y(i));
            label.setFont(font);
            // a hit near the right edge is labelled to its left, so that its name is not cut off
            label.setTextAnchor(x > layout.width() * 0.9 ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(label);
        }
    }
}
