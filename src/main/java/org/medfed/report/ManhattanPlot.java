package org.medfed.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.medfed.data.vcf.ChromosomeOrder;

/**
 * Manhattan plot: -log10 p of every variant along the genome, chromosomes in alternating colours, a
 * dashed line at the significance threshold and the strongest hits above it labelled. Built as a plain
 * {@link JFreeChart} so that the workbench can show the same chart in its viewer.
 */
public final class ManhattanPlot {

    static final Color DARK = new Color(0x1f, 0x4e, 0x79);
    static final Color LIGHT = new Color(0x6b, 0xae, 0xd6);
    private static final int LABELLED_HITS = 5;

    private ManhattanPlot() {
    }

    /**
     * @param points one per tested variant (order does not matter)
     * @param significance p-value threshold drawn as a line (5e-8 by convention)
     * @param title chart title
     */
    public static JFreeChart create(List<AssociationPoint> points, double significance, String title) {
        Map<String, List<AssociationPoint>> byChromosome = new LinkedHashMap<>();
        points.stream().filter(p -> Double.isFinite(p.negLog10P()))
                .sorted(Comparator.comparing(AssociationPoint::chromosome, ChromosomeOrder.INSTANCE)
                        .thenComparingLong(AssociationPoint::position))
                .forEach(p -> byChromosome.computeIfAbsent(p.chromosome(), c -> new ArrayList<>()).add(p));
        XYSeries odd = new XYSeries("odd chromosomes", false, true);
        XYSeries even = new XYSeries("even chromosomes", false, true);
        List<Double> centres = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double total = 0;
        for (List<AssociationPoint> c : byChromosome.values()) {
            total += Math.max(1, c.get(c.size() - 1).position() - c.get(0).position());
        }
        // a gap of 1% of the plotted genome between chromosomes keeps neighbours apart
        double gap = Math.max(1, 0.01 * total);
        double offset = 0;
        double maxY = 0;
        int index = 0;
        List<double[]> placed = new ArrayList<>();
        List<AssociationPoint> placedPoints = new ArrayList<>();
        for (Map.Entry<String, List<AssociationPoint>> e : byChromosome.entrySet()) {
            List<AssociationPoint> chromosome = e.getValue();
            long first = chromosome.get(0).position();
            long last = chromosome.get(chromosome.size() - 1).position();
            double span = Math.max(1, last - first);
            XYSeries series = index % 2 == 0 ? odd : even;
            for (AssociationPoint p : chromosome) {
                double x = offset + (p.position() - first);
                series.add(x, p.negLog10P());
                maxY = Math.max(maxY, p.negLog10P());
                placed.add(new double[] {x, p.negLog10P()});
                placedPoints.add(p);
            }
            centres.add(offset + span / 2);
            names.add(ChromosomeOrder.label(e.getKey()));
            offset += span + gap;
            index++;
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(odd);
        data.addSeries(even);

        ChromosomeAxis x = new ChromosomeAxis("Chromosome",
                centres.stream().mapToDouble(Double::doubleValue).toArray(), names.toArray(String[]::new));
        x.setRange(-gap, Math.max(1, offset));
        NumberAxis y = new NumberAxis("-log10(p)");
        double threshold = -Math.log10(significance);
        y.setRange(0, Math.max(threshold, maxY) * 1.08 + 0.5);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Ellipse2D dot = new Ellipse2D.Double(-2.5, -2.5, 5, 5);
        renderer.setSeriesShape(0, dot);
        renderer.setSeriesShape(1, dot);
        renderer.setSeriesPaint(0, DARK);
        renderer.setSeriesPaint(1, LIGHT);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));

        ValueMarker line = new ValueMarker(threshold, new Color(0xc0, 0x39, 0x2b),
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        line.setLabel(String.format(Locale.ROOT, "p = %.0e", significance));
        line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(line, Layer.FOREGROUND);
        labelTopHits(plot, placed, placedPoints, threshold);

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static void labelTopHits(XYPlot plot, List<double[]> placed, List<AssociationPoint> points, double threshold) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).negLog10P() >= threshold) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> points.get(i).negLog10P()).reversed());
        Font font = new Font("SansSerif", Font.PLAIN, 10);
        for (int k = 0; k < Math.min(LABELLED_HITS, order.size()); k++) {
            int i = order.get(k);
            XYTextAnnotation label = new XYTextAnnotation(points.get(i).label(), placed.get(i)[0], placed.get(i)[1]);
            label.setFont(font);
            label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(label);
        }
    }
}
