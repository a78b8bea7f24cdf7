package org.medfed.model;

/**
 * Forward and backward passes of the dense models (logistic regression and MLPs) over DL4J's flat parameter
 * layout: per layer the weights W[nIn x nOut] in column-major order (W[i][j] at i + j * nIn), then the biases.
 * The same vector therefore loads into a DL4J network for export, and a test checks both give the same
 * gradients.
 *
 * <p>Written by hand because DL4J's per-operation overhead (1.5 to 8 ms per mini-batch step for a 14-parameter
 * logistic regression on this machine, mostly in native buffer bookkeeping) made federated runs of thousands of
 * small steps far slower than the arithmetic they do. Not thread-safe: each trainer has its own.
 */
final class DenseNetwork {

    private final int[] widths;
    private final boolean binary;
    private final int[] offsets;
    private final int parameterCount;
    // The batch is held unit by unit: units[l][u][e] is unit u of layer l for the batch's example e (layer 0 the
    // inputs), and deltas[l][u][e] the loss's derivative by that unit's pre-activation. Every inner loop then runs
    // along the batch, W's weight for one pair of units applied to all examples at once, a loop the JIT vectorises;
    // one example at a time, each output was a dot product, a chain of dependent additions. Each element still sums
    // its terms in the same order as that dot product (bias, then inputs in order), so results are bit-identical.
    private double[][][] units = new double[0][][];
    /** Examples held at once: 4,096 x (20 + 64 + 32 + 1) units and deltas of the benchmark's MLP are 7.7 MB. */
    static final int MOST_AT_ONCE = 4096;
    private double[][][] deltas = new double[0][][];
    private int capacity = -1;

    DenseNetwork(ModelSpec spec) {
        this.widths = spec.layerWidths();
        this.binary = spec.classCount() == 2;
        this.offsets = new int[widths.length];
        int offset = 0;
        for (int l = 1; l < widths.length; l++) {
            offsets[l] = offset;
            offset += widths[l - 1] * widths[l] + widths[l];
        }
        this.parameterCount = offset;
    }

    int parameterCount() {
        return parameterCount;
    }

    /** Output probabilities: one per example for binary models (class 1), else one per class. */
    double[][] forward(double[] params, float[][] inputs, int[] rows) {
        int batch = rows.length;
        propagate(params, inputs, rows);
        double[][] out = units[widths.length - 1];
        double[][] perExample = new double[batch][out.length];
        for (int c = 0; c < out.length; c++) {
            for (int e = 0; e < batch; e++) {
                perExample[e][c] = out[c][e];
            }
        }
        return perExample;
    }

    private void reserve(int batch) {
        if (batch <= capacity) {
            return;
        }
        int layers = widths.length;
        units = new double[layers][][];
        deltas = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            units[l] = new double[widths[l]][batch];
            deltas[l] = new double[widths[l]][batch];
        }
        capacity = batch;
    }

    /** Fills {@code units} for the batch's rows: the inputs, then each layer's activations. */
    private void propagate(double[] p, float[][] inputs, int[] rows) {
        int batch = rows.length;
        reserve(batch);
        double[][] in0 = units[0];
        for (int e = 0; e < batch; e++) {
            float[] x = inputs[rows[e]];
            for (int i = 0; i < in0.length; i++) {
                in0[i][e] = x[i];
            }
        }
        int layers = widths.length;
        for (int l = 1; l < layers; l++) {
            int nIn = widths[l - 1];
            int nOut = widths[l];
            int w = offsets[l];
            int b = w + nIn * nOut;
            double[][] in = units[l - 1];
            double[][] z = units[l];
            for (int j = 0; j < nOut; j++) {
                double[] zj = z[j];
                java.util.Arrays.fill(zj, 0, batch, p[b + j]);
                int col = w + j * nIn;
                int i = 0;
                for (; i + 4 <= nIn; i += 4) {
                    addFour(zj, batch, in[i], p[col + i], in[i + 1], p[col + i + 1], in[i + 2], p[col + i + 2],
                            in[i + 3], p[col + i + 3]);
                }
                for (; i < nIn; i++) {
                    addOne(zj, batch, in[i], p[col + i]);
                }
            }
            if (l < layers - 1) {
                for (int j = 0; j < nOut; j++) {
                    double[] zj = z[j];
                    for (int e = 0; e < batch; e++) {
                        zj[e] = Math.max(0, zj[e]);
                    }
                }
            } else if (binary) {
                double[] z0 = z[0];
                for (int e = 0; e < batch; e++) {
                    z0[e] = sigmoid(z0[e]);
                }
            } else {
                softmaxInPlace(z, batch);
            }
        }
    }

    /**
     * Mean cross-entropy of the batch and its gradient (written into {@code gradient}) at {@code params}.
     */
    double lossAndGradient(double[] params, float[][] inputs, int[] labels, int[] rows, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        double scale = 1.0 / rows.length;
        double loss = 0;
        // A batch of the whole training set (FedSGD's gradient) goes through in parts, so that the batch's units stay
        // a few megabytes; every sum carries on from one part to the next, in the same order as in one pass.
        for (int from = 0; from < rows.length; from += MOST_AT_ONCE) {
            int[] part = rows.length <= MOST_AT_ONCE ? rows
                    : java.util.Arrays.copyOfRange(rows, from, Math.min(rows.length, from + MOST_AT_ONCE));
            propagate(params, inputs, part);
            loss = outputDeltas(labels, part, scale, loss);
            for (int l = widths.length - 1; l >= 1; l--) {
                addGradient(l, part.length, gradient);
                if (l > 1) {
                    propagateDeltas(params, l, part.length);
                }
            }
        }
        return loss * scale;
    }

    /**
     * Each example's own gradient, as a batch of that example alone gives it, rounded to float into
     * {@code perExample[e]} (DP-SGD clips each before adding them); returns the sum of the examples' losses. One
     * pass over the whole batch: each example's column of the batch is computed as a batch of one computes it.
     */
    double perExampleGradients(double[] params, float[][] inputs, int[] labels, int[] rows, float[][] perExample) {
        propagate(params, inputs, rows);
        int batch = rows.length;
        double loss = outputDeltas(labels, rows, 1.0, 0);
        for (int l = widths.length - 1; l >= 1; l--) {
            int nIn = widths[l - 1];
            int nOut = widths[l];
            int w = offsets[l];
            int b = w + nIn * nOut;
            double[][] in = units[l - 1];
            double[][] d = deltas[l];
            for (int e = 0; e < batch; e++) {
                float[] g = perExample[e];
                for (int j = 0; j < nOut; j++) {
                    double de = d[j][e];
                    // 0.0 + x, as the one-example gradient starts from zero: a delta of -0.0 gives +0.0 there too
                    g[b + j] = (float) (0.0 + de);
                    int col = w + j * nIn;
                    for (int i = 0; i < nIn; i++) {
                        g[col + i] = (float) (0.0 + de * in[i][e]);
                    }
                }
            }
            if (l > 1) {
                propagateDeltas(params, l, batch);
            }
        }
        return loss;
    }

    /**
     * The output layer's deltas, (p - onehot(y)) times {@code scale}, for sigmoid with binary cross-entropy and
     * softmax with cross-entropy; returns {@code lossSoFar} plus the examples' losses, added in turn.
     */
    private double outputDeltas(int[] labels, int[] rows, double scale, double lossSoFar) {
        int batch = rows.length;
        int layers = widths.length;
        double loss = lossSoFar;
        double[][] out = units[layers - 1];
        double[][] delta = deltas[layers - 1];
        for (int e = 0; e < batch; e++) {
            int y = labels[rows[e]];
            if (binary) {
                double p = out[0][e];
                loss -= y == 1 ? StrictMath.log(clip(p)) : StrictMath.log(clip(1 - p));
                delta[0][e] = (p - y) * scale;
            } else {
                loss -= StrictMath.log(clip(out[y][e]));
                for (int j = 0; j < out.length; j++) {
                    delta[j][e] = (out[j][e] - (j == y ? 1 : 0)) * scale;
                }
            }
        }
        return loss;
    }

    /** Adds layer {@code l}'s weight and bias gradients of the batch to {@code gradient}. */
    private void addGradient(int l, int batch, double[] gradient) {
        int nIn = widths[l - 1];
        int nOut = widths[l];
        int w = offsets[l];
        int b = w + nIn * nOut;
        double[][] in = units[l - 1];
        double[][] d = deltas[l];
        // Each gradient element sums its examples' terms in the batch's order, as one example at a time did.
        // That loop skipped zero deltas (ReLU off); adding their zero products instead changes no sum, since a
        // sum that starts at +0.0 never becomes -0.0, and it spares a branch the processor cannot predict.
        // Four weights at a time, so that four independent sums are in flight.
        for (int j = 0; j < nOut; j++) {
            double[] dj = d[j];
            double gb = gradient[b + j];
            for (int e = 0; e < batch; e++) {
                gb += dj[e];
            }
            gradient[b + j] = gb;
            int col = w + j * nIn;
            int i = 0;
            for (; i + 4 <= nIn; i += 4) {
                double[] a0 = in[i];
                double[] a1 = in[i + 1];
                double[] a2 = in[i + 2];
                double[] a3 = in[i + 3];
                double g0 = gradient[col + i];
                double g1 = gradient[col + i + 1];
                double g2 = gradient[col + i + 2];
                double g3 = gradient[col + i + 3];
                for (int e = 0; e < batch; e++) {
                    double de = dj[e];
                    g0 += de * a0[e];
                    g1 += de * a1[e];
                    g2 += de * a2[e];
                    g3 += de * a3[e];
                }
                gradient[col + i] = g0;
                gradient[col + i + 1] = g1;
                gradient[col + i + 2] = g2;
                gradient[col + i + 3] = g3;
            }
            for (; i < nIn; i++) {
                double[] a = in[i];
                double g = gradient[col + i];
                for (int e = 0; e < batch; e++) {
                    g += dj[e] * a[e];
                }
                gradient[col + i] = g;
            }
        }
    }

    /** Layer {@code l - 1}'s deltas from layer {@code l}'s, through the weights and the ReLU. */
    private void propagateDeltas(double[] params, int l, int batch) {
        int nIn = widths[l - 1];
        int nOut = widths[l];
        int w = offsets[l];
        double[][] in = units[l - 1];
        double[][] d = deltas[l];
        double[][] previous = deltas[l - 1];
        for (int i = 0; i < nIn; i++) {
            double[] pi = previous[i];
            java.util.Arrays.fill(pi, 0, batch, 0);
            int j = 0;
            for (; j + 4 <= nOut; j += 4) {
                addFour(pi, batch, d[j], params[w + j * nIn + i], d[j + 1], params[w + (j + 1) * nIn + i],
                        d[j + 2], params[w + (j + 2) * nIn + i], d[j + 3], params[w + (j + 3) * nIn + i]);
            }
            for (; j < nOut; j++) {
                addOne(pi, batch, d[j], params[w + j * nIn + i]);
            }
            double[] a = in[i];
            for (int e = 0; e < batch; e++) {
                if (a[e] <= 0) {
                    pi[e] = 0; // ReLU passes no gradient where it was off
                }
            }
        }
    }

    /**
     * {@code sum[e] += a0[e] w0 + a1[e] w1 + a2[e] w2 + a3[e] w3} over the batch, four terms per pass so that each sum
     * is loaded and stored once per four; Java adds left to right, so each sum still takes its terms one by one in
     * order, as a dot product over the terms would.
     */
    private static void addFour(double[] sum, int batch, double[] a0, double w0, double[] a1, double w1, double[] a2,
            double w2, double[] a3, double w3) {
        for (int e = 0; e < batch; e++) {
            sum[e] = sum[e] + a0[e] * w0 + a1[e] * w1 + a2[e] * w2 + a3[e] * w3;
        }
    }

    /** {@code sum[e] += a[e] w} over the batch: the terms {@link #addFour} leaves over. */
    private static void addOne(double[] sum, int batch, double[] a, double w) {
        for (int e = 0; e < batch; e++) {
            sum[e] += a[e] * w;
        }
    }

    private static double clip(double p) {
        return Math.min(1 - 1e-12, Math.max(1e-12, p));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
    }

    /** Softmax of each example's column of {@code z}. */
    private static void softmaxInPlace(double[][] z, int batch) {
        for (int e = 0; e < batch; e++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] zj : z) {
                max = Math.max(max, zj[e]);
            }
            double sum = 0;
            for (double[] zj : z) {
                zj[e] = StrictMath.exp(zj[e] - max);
                sum += zj[e];
            }
            for (double[] zj : z) {
                zj[e] /= sum;
            }
        }
    }
}
