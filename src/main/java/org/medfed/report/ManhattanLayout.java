package org.medfed.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.medfed.data.vcf.ChromosomeOrder;

/**
 * Where each tested variant sits on a Manhattan plot: chromosomes one after another in genome order, each as wide as
 * the span of its variants, with a small gap between neighbours. Plain arrays, so that 100,000 points cost a few
 * megabytes and finding the point under the mouse is one pass without any per-point object. The workbench's
 * Manhattan plot and the command line's PNG use the same layout.
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

    /**
     * Lays out the variants that are plotted and have a finite -log10 p; point {@code i} stands for
     * {@code variants.get(row(i))}.
     */
    public static <T> ManhattanLayout of(List<T> variants, Function<T, String> chromosomeOf,
                                         ToLongFunction<T> positionOf, ToDoubleFunction<T> negLog10POf,
                                         Predicate<T> plotted) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            if (plotted.test(variants.get(i)) && Double.isFinite(negLog10POf.applyAsDouble(variants.get(i)))) {
                order.add(i);
            }
        }
        Comparator<Integer> genomeOrder = Comparator
                .comparing((Integer i) -> chromosomeOf.apply(variants.get(i)), ChromosomeOrder.INSTANCE)
                .thenComparingLong(i -> positionOf.applyAsLong(variants.get(i)));
        // results usually come in genome order already; checking costs one comparison per variant, sorting many
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
        long[] position = new long[n];
        String[] chrom = new String[n];
        for (int i = 0; i < n; i++) {
            T v = variants.get(order.get(i));
            position[i] = positionOf.applyAsLong(v);
            chrom[i] = chromosomeOf.apply(v);
        }
        // spans first, so that the gap can be a share of the whole plotted genome
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == 0 || !chrom[i].equals(chrom[i - 1])) {
                starts.add(i);
            }
        }
        starts.add(n);
        double total = 0;
        for (int c = 0; c + 1 < starts.size(); c++) {
            total += span(position, starts.get(c), starts.get(c + 1));
        }
        double gap = Math.max(1, 0.01 * total);
        double[] centres = new double[starts.size() - 1];
        String[] names = new String[starts.size() - 1];
        double offset = 0;
        for (int c = 0; c + 1 < starts.size(); c++) {
            int from = starts.get(c);
            int to = starts.get(c + 1);
            long first = position[from];
            for (int i = from; i < to; i++) {
                x[i] = offset + (position[i] - first);
                y[i] = negLog10POf.applyAsDouble(variants.get(order.get(i)));
                row[i] = order.get(i);
                chromosome[i] = c;
            }
            double span = span(position, from, to);
            centres[c] = offset + span / 2;
            names[c] = ChromosomeOrder.label(chrom[from]);
            offset += span + gap;
        }
        return new ManhattanLayout(x, y, row, chromosome, centres, names, Math.max(1, offset - gap), gap);
    }

    private static double span(long[] position, int from, int to) {
        return Math.max(1, position[to - 1] - (double) position[from]);
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
