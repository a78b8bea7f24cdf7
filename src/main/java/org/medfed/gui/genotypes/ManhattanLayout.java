package org.medfed.gui.genotypes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.medfed.analytics.gwas.AssociationResult;
import org.medfed.data.vcf.ChromosomeOrder;

/**
 * Where each tested variant sits on a Manhattan plot: chromosomes one after another in genome order, each as wide as
 * the span of its variants, with a small gap between neighbours. Plain arrays, so that 100,000 points cost a few
 * megabytes and finding the point under the mouse is one pass without any per-point object.
 */
public final class ManhattanLayout {

    private final double[] x;
    private final double[] y;
    private final int[] row;
    private final int[] chromosome;
    private final double[] centres;
    private final String[] names;
    private final double width;
    private final double gap;

    private ManhattanLayout(double[] x, double[] y, int[] row, int[] chromosome, double[] centres, String[] names,
            double width, double gap) {
        this.x = x;
        this.y = y;
        this.row = row;
        this.chromosome = chromosome;
        this.centres = centres;
        this.names = names;
        this.width = width;
        this.gap = gap;
    }

    /** Lays out the results with a finite -log10 p; point {@code i} stands for {@code results.get(row(i))}. */
    public static ManhattanLayout of(List<AssociationResult> results) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).tested() && Double.isFinite(results.get(i).negLog10P())) {
                order.add(i);
            }
        }
        Comparator<Integer> genomeOrder = Comparator
                .comparing((Integer i) -> results.get(i).variant().chrom(), ChromosomeOrder.INSTANCE)
                .thenComparingInt(i -> results.get(i).variant().position());
        // the engine gives results in genome order already; checking costs one comparison per variant, sorting many
        boolean sorted = true;
        for (int k = 1; k < order.size() && sorted; k++) {
            sorted = genomeOrder.compare(order.get(k - 1), order.get(k)) <= 0;
        }
        if (!sorted) {
            order.sort(genomeOrder);
        }
        int n = order.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] row = new int[n];
        int[] chromosome = new int[n];
        // spans first, so that the gap can be a share of the whole plotted genome
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == 0 || !chrom(results, order, i).equals(chrom(results, order, i - 1))) {
                starts.add(i);
            }
        }
        starts.add(n);
        double total = 0;
        for (int c = 0; c + 1 < starts.size(); c++) {
            total += span(results, order, starts.get(c), starts.get(c + 1));
        }
        double gap = Math.max(1, 0.01 * total);
        double[] centres = new double[starts.size() - 1];
        String[] names = new String[starts.size() - 1];
        double offset = 0;
        for (int c = 0; c + 1 < starts.size(); c++) {
            int from = starts.get(c);
            int to = starts.get(c + 1);
            long first = results.get(order.get(from)).variant().position();
            for (int i = from; i < to; i++) {
                AssociationResult r = results.get(order.get(i));
                x[i] = offset + (r.variant().position() - first);
                y[i] = r.negLog10P();
                row[i] = order.get(i);
                chromosome[i] = c;
            }
            double span = span(results, order, from, to);
            centres[c] = offset + span / 2;
            names[c] = ChromosomeOrder.label(chrom(results, order, from));
            offset += span + gap;
        }
        return new ManhattanLayout(x, y, row, chromosome, centres, names, Math.max(1, offset - gap), gap);
    }

    private static String chrom(List<AssociationResult> results, List<Integer> order, int i) {
        return results.get(order.get(i)).variant().chrom();
    }

    private static double span(List<AssociationResult> results, List<Integer> order, int from, int to) {
        return Math.max(1, results.get(order.get(to - 1)).variant().position()
                - (double) results.get(order.get(from)).variant().position());
    }

    public int size() { return x.length; }
    public double x(int i) { return x[i]; }
    public double y(int i) { return y[i]; }
    /** The index in the result list of point {@code i}. */
    public int row(int i) { return row[i]; }
    /** The chromosome's index in plot order (even and odd get different colours). */
    public int chromosome(int i) { return chromosome[i]; }
    public double[] centres() { return centres.clone(); }
    public String[] names() { return names.clone(); }
    /** From 0 to the end of the last chromosome. */
    public double width() { return width; }
    public double gap() { return gap; }

    public double maxY() {
        double max = 0;
        for (double v : y) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** The point index of result {@code resultRow}, or -1 when it is not plotted. */
    public int pointOf(int resultRow) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] == resultRow) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Points of chromosomes with even (0, 2, ...) or odd plot index, as a {@code double[2][]} of x and y values for
     * a chart dataset, and the point index of each item.
     */
    public Series series(boolean odd) {
        int count = 0;
        for (int c : chromosome) {
            count += (c % 2 == 1) == odd ? 1 : 0;
        }
        double[][] xy = new double[2][count];
        int[] points = new int[count];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if ((chromosome[i] % 2 == 1) == odd) {
                xy[0][k] = x[i];
                xy[1][k] = y[i];
                points[k++] = i;
            }
        }
        return new Series(xy, points);
    }

    /** Chart data of one colour: x and y arrays, and which point each item is. */
    public record Series(double[][] xy, int[] points) {
    }

    /**
     * The point nearest to a click, measured in screen pixels, or -1 when none lies within {@code maxPixels}.
     *
     * @param unitsPerPixelX how many x units one pixel spans at the current zoom
     * @param unitsPerPixelY how many -log10 p units one pixel spans
     */
    public int nearest(double atX, double atY, double unitsPerPixelX, double unitsPerPixelY, double maxPixels) {
        int best = -1;
        double bestDistance = maxPixels * maxPixels;
        for (int i = 0; i < x.length; i++) {
            double dx = (x[i] - atX) / unitsPerPixelX;
            double dy = (y[i] - atY) / unitsPerPixelY;
            double d = dx * dx + dy * dy;
            if (d <= bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }
}
