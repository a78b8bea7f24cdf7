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
    // activations per layer for the current batch: [layer][example][unit]
    private double[][][] activations = new double[0][][];

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
        int layers = widths.length;
        if (activations.length != layers || activations[0].length != rows.length) {
            activations = new double[layers][rows.length][];
        }
        for (int e = 0; e < rows.length; e++) {
            float[] x = inputs[rows[e]];
            double[] a = new double[widths[0]];
            for (int i = 0; i < a.length; i++) {
                a[i] = x[i];
            }
            activations[0][e] = a;
            for (int l = 1; l < layers; l++) {
                a = layer(params, l, a, l == layers - 1);
                activations[l][e] = a;
            }
        }
        return activations[layers - 1];
    }

    private double[] layer(double[] p, int l, double[] in, boolean output) {
        int nIn = widths[l - 1];
        int nOut = widths[l];
        int w = offsets[l];
        int b = w + nIn * nOut;
        double[] z = new double[nOut];
        for (int j = 0; j < nOut; j++) {
            double s = p[b + j];
            int col = w + j * nIn;
            for (int i = 0; i < nIn; i++) {
                s += in[i] * p[col + i];
            }
            z[j] = s;
        }
        if (!output) {
            for (int j = 0; j < nOut; j++) {
                z[j] = Math.max(0, z[j]);
            }
        } else if (binary) {
            z[0] = sigmoid(z[0]);
        } else {
            softmaxInPlace(z);
        }
        return z;
    }

    /**
     * Mean cross-entropy of the batch and its gradient (written into {@code gradient}) at {@code params}.
     */
    double lossAndGradient(double[] params, float[][] inputs, int[] labels, int[] rows, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        double[][] out = forward(params, inputs, rows);
        int layers = widths.length;
        double loss = 0;
        double scale = 1.0 / rows.length;
        for (int e = 0; e < rows.length; e++) {
            int y = labels[rows[e]];
            double[] o = out[e];
            // delta of the output pre-activation for sigmoid+BCE and softmax+CE is (p - onehot(y))
            double[] delta = new double[widths[layers - 1]];
            if (binary) {
                double p = o[0];
                loss -= y == 1 ? StrictMath.log(clip(p)) : StrictMath.log(clip(1 - p));
                delta[0] = (p - y) * scale;
            } else {
                loss -= StrictMath.log(clip(o[y]));
                for (int j = 0; j < delta.length; j++) {
                    delta[j] = (o[j] - (j == y ? 1 : 0)) * scale;
                }
            }
            for (int l = layers - 1; l >= 1; l--) {
                int nIn = widths[l - 1];
                int nOut = widths[l];
                int w = offsets[l];
                int b = w + nIn * nOut;
                double[] in = activations[l - 1][e];
                for (int j = 0; j < nOut; j++) {
                    double d = delta[j];
                    if (d == 0) {
                        continue;
                    }
                    gradient[b + j] += d;
                    int col = w + j * nIn;
                    for (int i = 0; i < nIn; i++) {
                        gradient[col + i] += d * in[i];
                    }
                }
                if (l > 1) {
                    double[] previous = new double[nIn];
                    for (int i = 0; i < nIn; i++) {
                        if (in[i] <= 0) {
                            continue; // ReLU passes no gradient where it was off
                        }
                        double s = 0;
                        for (int j = 0; j < nOut; j++) {
                            s += delta[j] * params[w + j * nIn + i];
                        }
                        previous[i] = s;
                    }
                    delta = previous;
                }
            }
        }
        return loss * scale;
    }

    private static double clip(double p) {
        return Math.min(1 - 1e-12, Math.max(1e-12, p));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
    }

    private static void softmaxInPlace(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            z[j] = StrictMath.exp(z[j] - max);
            sum += z[j];
        }
        for (int j = 0; j < z.length; j++) {
            z[j] /= sum;
        }
    }
}
