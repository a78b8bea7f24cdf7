package org.medfed.data.tabular;

import java.util.List;

/**
 * Count, sums and sums of squares of a set of vectors: what a participant sends so that pooled means and
 * standard deviations can be computed without its rows. Merging is exact (sums in double, in a fixed order).
 */
public record Moments(long count, double[] sum, double[] sumOfSquares) {

    public static Moments empty(int width) {
        return new Moments(0, new double[width], new double[width]);
    }

    public static Moments of(List<float[]> rows, int width) {
        double[] s = new double[width];
        double[] q = new double[width];
        for (float[] r : rows) {
            for (int i = 0; i < width; i++) {
                s[i] += r[i];
                q[i] += (double) r[i] * r[i];
            }
        }
        return new Moments(rows.size(), s, q);
    }

    public Moments plus(Moments other) {
        if (other.sum.length != sum.length) {
            throw new IllegalArgumentException("cannot add moments of " + other.sum.length + " and " + sum.length + " values");
        }
        double[] s = sum.clone();
        double[] q = sumOfSquares.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += other.sum[i];
            q[i] += other.sumOfSquares[i];
        }
        return new Moments(count + other.count, s, q);
    }

    /** The sum of a list of participants' moments, in the list's order. */
    public static Moments pool(List<Moments> parts, int width) {
        Moments total = empty(width);
        for (Moments m : parts) {
            total = total.plus(m);
        }
        return total;
    }

    public double mean(int i) {
        return count == 0 ? Double.NaN : sum[i] / count;
    }

    /** Sample variance (n - 1). */
    public double variance(int i) {
        return count < 2 ? 0 : Math.max(0, (sumOfSquares[i] - sum[i] * sum[i] / count) / (count - 1));
    }
}
