package org.medfed.engine;

import java.util.List;

/**
 * Whole-vector arithmetic used by strategies. Sums are accumulated in double and in the order given, so
 * that the same inputs in the same order give bit-identical results.
 */
public final class VectorMath {

    // Parameters per tile of weightedMean: 256 KB of double sums, in the L2 cache of current desktop processors.
    // Tiles of 2,048 (L1-sized) were slower: each vector's slice was then a stream of only 8 KB, too short for the
    // hardware prefetchers: on JDK 25 the mean ran at 36 % of a triad's bandwidth, against 62-66 % with these (JMH,
    // docs/benchmarks.md section 12).
    static final int TILE = 32_768;
    // vectors added per pass over a tile: each pass loads and stores the tile's sums once
    private static final int GROUP = 5;

    private VectorMath() {
    }

    /** {@code sum_i weights[i] * vectors[i] / sum(weights)}, accumulated in the list's order. */
    public static ModelVector weightedMean(List<ModelVector> vectors, double[] weights) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no vectors to average");
        }
        if (weights.length != vectors.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + vectors.size() + " vectors");
        }
        double total = 0;
        for (double w : weights) {
            if (w < 0 || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weight " + w + " is not a finite non-negative number");
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        int n = vectors.get(0).size();
        float[][] values = new float[vectors.size()][];
        double[] scaled = new double[weights.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = vectors.get(k).unsafeValues();
            requireSize(values[k].length, n);
            scaled[k] = weights[k] / total;
        }
        // Tile by tile: each tile's double sums stay in the cache while every vector adds its slice, and each tile
        // is rounded to float as soon as it is complete. Accumulating the whole vector per participant instead
        // re-read and re-wrote an 8-bytes-per-parameter array from memory once per participant (4 % of a triad's
        // bandwidth at 10 x 10M). Within a tile, vectors are added in balanced groups of up to five per pass
        // (ten: two passes of five; seven: four and three), so that the sums are loaded and stored once per group.
        // Every element still sums its terms one by one in the list's order, starting from 0.0: results are
        // bit-identical to the whole-length sum.
        float[] out = new float[n];
        double[] acc = new double[Math.min(n, TILE)];
        int passes = (values.length + GROUP - 1) / GROUP;
        for (int start = 0; start < n; start += TILE) {
            int len = Math.min(TILE, n - start);
            java.util.Arrays.fill(acc, 0, len, 0.0);
            int k = 0;
            for (int pass = 0; pass < passes; pass++) {
                int remaining = values.length - k;
                int size = (remaining + passes - pass - 1) / (passes - pass);
                addGroup(acc, len, start, values, scaled, k, size);
                k += size;
            }
            for (int i = 0; i < len; i++) {
                out[start + i] = (float) acc[i];
            }
        }
        return ModelVector.wrap(out);
    }

    /**
     * {@code acc[i] += w_k v_k[start + i]} for the {@code size} vectors from {@code k}, added in that order. One loop
     * per group size, with each vector in a local of its own: C2 vectorises a loop over named arrays, not one over
     * an array of arrays.
     */
    private static void addGroup(double[] acc, int len, int start, float[][] v, double[] w, int k, int size) {
        switch (size) {
            case 1 -> addOne(acc, len, start, v, w, k);
            case 2 -> addTwo(acc, len, start, v, w, k);
            case 3 -> addThree(acc, len, start, v, w, k);
            case 4 -> addFour(acc, len, start, v, w, k);
            case 5 -> addFive(acc, len, start, v, w, k);
            default -> throw new IllegalArgumentException("group of " + size);
        }
    }

    private static void addOne(double[] acc, int len, int start, float[][] v, double[] w, int k) {
        float[] v0 = v[k];
        double w0 = w[k];
        for (int i = 0; i < len; i++) {
            int j = start + i;
            acc[i] = acc[i] + w0 * v0[j];
        }
    }

    private static void addTwo(double[] acc, int len, int start, float[][] v, double[] w, int k) {
        float[] v0 = v[k];
        float[] v1 = v[k + 1];
        double w0 = w[k];
        double w1 = w[k + 1];
        for (int i = 0; i < len; i++) {
            int j = start + i;
            acc[i] = acc[i] + w0 * v0[j] + w1 * v1[j];
        }
    }

    private static void addThree(double[] acc, int len, int start, float[][] v, double[] w, int k) {
        float[] v0 = v[k];
        float[] v1 = v[k + 1];
        float[] v2 = v[k + 2];
        double w0 = w[k];
        double w1 = w[k + 1];
        double w2 = w[k + 2];
        for (int i = 0; i < len; i++) {
            int j = start + i;
            acc[i] = acc[i] + w0 * v0[j] + w1 * v1[j] + w2 * v2[j];
        }
    }

    private static void addFour(double[] acc, int len, int start, float[][] v, double[] w, int k) {
        float[] v0 = v[k];
        float[] v1 = v[k + 1];
        float[] v2 = v[k + 2];
        float[] v3 = v[k + 3];
        double w0 = w[k];
        double w1 = w[k + 1];
        double w2 = w[k + 2];
        double w3 = w[k + 3];
        for (int i = 0; i < len; i++) {
            int j = start + i;
            acc[i] = acc[i] + w0 * v0[j] + w1 * v1[j] + w2 * v2[j] + w3 * v3[j];
        }
    }

    private static void addFive(double[] acc, int len, int start, float[][] v, double[] w, int k) {
        float[] v0 = v[k];
        float[] v1 = v[k + 1];
        float[] v2 = v[k + 2];
        float[] v3 = v[k + 3];
        float[] v4 = v[k + 4];
        double w0 = w[k];
        double w1 = w[k + 1];
        double w2 = w[k + 2];
        double w3 = w[k + 3];
        double w4 = w[k + 4];
        for (int i = 0; i < len; i++) {
            int j = start + i;
            acc[i] = acc[i] + w0 * v0[j] + w1 * v1[j] + w2 * v2[j] + w3 * v3[j] + w4 * v4[j];
        }
    }

    /** Unweighted mean. */
    public static ModelVector mean(List<ModelVector> vectors) {
        double[] ones = new double[vectors.size()];
        java.util.Arrays.fill(ones, 1.0);
        return weightedMean(vectors, ones);
    }

    /** {@code a - b}. */
    public static ModelVector subtract(ModelVector a, ModelVector b) {
        float[] x = a.unsafeValues();
        float[] y = b.unsafeValues();
        requireSize(y.length, x.length);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - y[i];
        }
        return ModelVector.wrap(out);
    }

    /** {@code a + b}. */
    public static ModelVector add(ModelVector a, ModelVector b) {
        return addScaled(a, b, 1.0);
    }

    /** {@code a + s * b}. */
    public static ModelVector addScaled(ModelVector a, ModelVector b, double s) {
        float[] x = a.unsafeValues();
        float[] y = b.unsafeValues();
        requireSize(y.length, x.length);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] + s * y[i]);
        }
        return ModelVector.wrap(out);
    }

    /** {@code s * a}. */
    public static ModelVector scale(ModelVector a, double s) {
        float[] x = a.unsafeValues();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (s * x[i]);
        }
        return ModelVector.wrap(out);
    }

    /** Euclidean distance, accumulated in double. */
    public static double distance(ModelVector a, ModelVector b) {
        float[] x = a.unsafeValues();
        float[] y = b.unsafeValues();
        requireSize(y.length, x.length);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = (double) x[i] - y[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Rounds a double accumulator to the float vector that travels. */
    public static ModelVector fromDoubles(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return ModelVector.wrap(out);
    }

    /** The values widened to double, for strategies that keep double state (server optimisers). */
    public static double[] toDoubles(ModelVector v) {
        float[] x = v.unsafeValues();
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }

    private static void requireSize(int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("vector of size " + actual + " where " + expected + " was expected");
        }
    }
}
