package org.medfed.engine;

import java.util.List;

/**
 * Whole-vector arithmetic used by strategies. Sums are accumulated in double and in the order given, so
 * that the same inputs in the same order give bit-identical results.
 */
public final class VectorMath {

    // parameters per tile of weightedMean: 16 KB of double sums plus 8 KB of each vector's slice fit a 32 KB L1
    private static final int TILE = 2048;

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
        // Tile by tile: each tile's double sums stay in the L1 cache while every vector adds its slice, and each
        // tile is rounded to float as soon as it is complete. Accumulating the whole vector per participant instead
        // re-read and re-wrote an 8-bytes-per-parameter array from memory once per participant (23 % of the memory
        // bandwidth at 10 x 10M). Within a tile, vectors are added four at a time in one pass, so that the tile's
        // sums are loaded and stored once per four vectors: the float-to-double conversion, which C2 on JDK 17 does
        // not vectorise, then bounds the loop instead of the loads and stores. Every element still sums its terms
        // one by one in the list's order, starting from 0.0: results are bit-identical to the whole-length sum.
        float[] out = new float[n];
        double[] acc = new double[Math.min(n, TILE)];
        for (int start = 0; start < n; start += TILE) {
            int len = Math.min(TILE, n - start);
            java.util.Arrays.fill(acc, 0, len, 0.0);
            int k = 0;
            for (; k + 4 <= values.length; k += 4) {
                addFour(acc, len, start, values, scaled, k);
            }
            for (; k < values.length; k++) {
                float[] v = values[k];
                double w = scaled[k];
                for (int i = 0; i < len; i++) {
                    acc[i] += w * v[start + i];
                }
            }
            for (int i = 0; i < len; i++) {
                out[start + i] = (float) acc[i];
            }
        }
        return ModelVector.wrap(out);
    }

    /** {@code acc[i] += w_k v_k[start + i]} for the four vectors from {@code k}, added in that order. */
    private static void addFour(double[] acc, int len, int start, float[][] values, double[] scaled, int k) {
        float[] v0 = values[k];
        float[] v1 = values[k + 1];
        float[] v2 = values[k + 2];
        float[] v3 = values[k + 3];
        double w0 = scaled[k];
        double w1 = scaled[k + 1];
        double w2 = scaled[k + 2];
        double w3 = scaled[k + 3];
        for (int i = 0; i < len; i++) {
            int j = start + i;
            acc[i] = acc[i] + w0 * v0[j] + w1 * v1[j] + w2 * v2[j] + w3 * v3[j];
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
