package org.medfed.engine.strategy.robust;

import java.util.Arrays;
import java.util.List;
import org.medfed.engine.ModelVector;

/**
 * The arithmetic of the robust rules as small static functions over whole vectors. Everything is accumulated in
 * double and in a fixed order, so that the same vectors in the same order give bit-identical results. Where
 * values tie, the vector earlier in the list counts as smaller; callers pass vectors sorted by participant name,
 * which makes ties break by name.
 */
public final class RobustMath {

    private RobustMath() {
    }

    /**
     * Coordinate-wise median: the middle value of every coordinate, or the mean of the two middle values when
     * the count is even.
     *
     * @param used if not null, {@code used[j]} is increased by the number of coordinates in which vector j's
     *             value entered the median
     */
    public static ModelVector median(List<ModelVector> vectors, int[] used) {
        // dropping (n-1)/2 values at each end leaves the middle one (n odd) or the middle two (n even)
        return trimmedMean(vectors, (vectors.size() - 1) / 2, used);
    }

    /**
     * Coordinate-wise trimmed mean: in every coordinate, drops the {@code trimPerSide} smallest and the
     * {@code trimPerSide} largest values and averages the rest.
     *
     * @param used if not null, {@code used[j]} is increased by the number of coordinates in which vector j's
     *             value was kept
     */
    public static ModelVector trimmedMean(List<ModelVector> vectors, int trimPerSide, int[] used) {
        int n = vectors.size();
        if (n == 0) {
            throw new IllegalArgumentException("no vectors to combine");
        }
        if (trimPerSide < 0 || 2 * trimPerSide >= n) {
            throw new IllegalArgumentException("cannot trim " + trimPerSide + " values at each end of " + n);
        }
        if (used != null && used.length != n) {
            throw new IllegalArgumentException(used.length + " counters for " + n + " vectors");
        }
        float[][] values = arrays(vectors);
        int size = values[0].length;
        int kept = n - 2 * trimPerSide;
        float[] out = new float[size];
        float[] column = new float[n];
        int[] order = new int[n];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < n; j++) {
                column[j] = values[j][i];
            }
            sortIndices(column, order);
            double sum = 0;
            for (int r = trimPerSide; r < trimPerSide + kept; r++) {
                sum += column[order[r]];
                if (used != null) {
                    used[order[r]]++;
                }
            }
            out[i] = (float) (sum / kept);
        }
        return ModelVector.wrap(out);
    }

    /** {@code result[i][j]} = squared Euclidean distance between vectors i and j, accumulated in double. */
    public static double[][] squaredDistances(List<ModelVector> vectors) {
        int n = vectors.size();
        float[][] values = arrays(vectors);
        double[][] d2 = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                float[] a = values[i];
                float[] b = values[j];
                for (int k = 0; k < a.length; k++) {
                    double d = (double) a[k] - b[k];
                    s += d * d;
                }
                d2[i][j] = s;
                d2[j][i] = s;
            }
        }
        return d2;
    }

    /**
     * Krum scores (Blanchard et al. 2017): for each vector, the sum of its squared distances to its
     * {@code n - f - 2} nearest other vectors. Needs {@code n > 2f + 2}.
     */
    public static double[] krumScores(double[][] squaredDistances, int f) {
        int n = squaredDistances.length;
        if (f < 0 || n <= 2 * f + 2) {
            throw new IllegalArgumentException("Krum with f = " + f + " needs more than " + (2 * f + 2)
                    + " vectors, got " + n);
        }
        int neighbours = n - f - 2;
        double[] scores = new double[n];
        double[] others = new double[n - 1];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    others[c++] = squaredDistances[i][j];
                }
            }
            Arrays.sort(others);
            double s = 0;
            for (int r = 0; r < neighbours; r++) {
                s += others[r];
            }
            scores[i] = s;
        }
        return scores;
    }

    /**
     * Indices of the {@code m} lowest scores, lowest first; equal scores go to the lower index (the earlier
     * participant name).
     */
    public static int[] lowest(double[] scores, int m) {
        int n = scores.length;
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("cannot pick " + m + " of " + n);
        }
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        // insertion sort: stable, so equal scores keep index order
        for (int a = 1; a < n; a++) {
            int idx = order[a];
            int b = a - 1;
            while (b >= 0 && scores[order[b]] > scores[idx]) {
                order[b + 1] = order[b];
                b--;
            }
            order[b + 1] = idx;
        }
        return Arrays.copyOf(order, m);
    }

    /**
     * Sorts {@code order} as the indices of {@code column} by value, equal values by index. Insertion sort:
     * stable and fast for the handful of participants a round has.
     */
    private static void sortIndices(float[] column, int[] order) {
        int n = column.length;
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        for (int a = 1; a < n; a++) {
            int idx = order[a];
            float v = column[idx];
            int b = a - 1;
            while (b >= 0 && Float.compare(column[order[b]], v) > 0) {
                order[b + 1] = order[b];
                b--;
            }
            order[b + 1] = idx;
        }
    }

    private static float[][] arrays(List<ModelVector> vectors) {
        float[][] values = new float[vectors.size()][];
        for (int j = 0; j < values.length; j++) {
            values[j] = vectors.get(j).toArray();
            if (values[j].length != values[0].length) {
                throw new IllegalArgumentException("vector of size " + values[j].length + " where "
                        + values[0].length + " was expected");
            }
        }
        return values;
    }
}
