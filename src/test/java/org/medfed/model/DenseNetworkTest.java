package org.medfed.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The batch-wide passes of {@link DenseNetwork} against the textbook form, one example at a time with a dot product
 * per unit, written out here: every probability, loss and gradient element must be the same double, bit for bit,
 * because runs of studies saved before the batch-wide passes must give the same numbers.
 */
class DenseNetworkTest {

    @Test
    void binaryMlpGivesTheSameBitsAsOneExampleAtATime() {
        sameBits(new int[] {6, 9, 5, 1}, 13, 1);
    }

    @Test
    void multiclassMlpGivesTheSameBitsAsOneExampleAtATime() {
        sameBits(new int[] {4, 7, 3}, 9, 2);
    }

    @Test
    void aBatchLargerThanTheNetworkHoldsAtOnceGivesTheSameBits() {
        sameBits(new int[] {3, 5, 1}, DenseNetwork.MOST_AT_ONCE * 2 + 17, 4);
    }

    @Test
    void logisticRegressionGivesTheSameBitsAsOneExampleAtATime() {
        sameBits(new int[] {5, 1}, 33, 3);
    }

    @Test
    void perExampleGradientsAreEachExampleAsABatchOfItsOwn() {
        for (int[] widths : new int[][] {{6, 9, 5, 1}, {4, 7, 3}, {5, 1}}) {
            int classes = widths[widths.length - 1] == 1 ? 2 : widths[widths.length - 1];
            int[] hidden = java.util.Arrays.copyOfRange(widths, 1, widths.length - 1);
            ModelSpec spec = hidden.length == 0 ? ModelSpec.logistic(widths[0], classes)
                    : ModelSpec.mlp(widths[0], classes, hidden);
            DenseNetwork network = new DenseNetwork(spec);
            SplittableRandom r = new SplittableRandom(widths.length);
            double[] params = new double[network.parameterCount()];
            for (int i = 0; i < params.length; i++) {
                params[i] = r.nextGaussian();
            }
            float[][] inputs = new float[20][widths[0]];
            int[] labels = new int[inputs.length];
            for (int e = 0; e < inputs.length; e++) {
                for (int i = 0; i < widths[0]; i++) {
                    inputs[e][i] = r.nextInt(4) == 0 ? 0f : (float) (r.nextDouble() * 4 - 2);
                }
                labels[e] = r.nextInt(classes);
            }
            int[] rows = {3, 17, 3, 0, 9, 12, 5};
            float[][] perExample = new float[rows.length][params.length];
            double loss = network.perExampleGradients(params, inputs, labels, rows, perExample);

            double expectedLoss = 0;
            DenseNetwork alone = new DenseNetwork(spec);
            for (int e = 0; e < rows.length; e++) {
                double[] one = new double[params.length];
                expectedLoss += alone.lossAndGradient(params, inputs, labels, new int[] {rows[e]}, one);
                float[] expected = new float[one.length];
                for (int i = 0; i < one.length; i++) {
                    expected[i] = (float) one[i];
                }
                assertThat(perExample[e]).as("example %d of %s", e, java.util.Arrays.toString(widths))
                        .containsExactly(expected);
            }
            assertThat(loss).isEqualTo(expectedLoss);
        }
    }

    private static void sameBits(int[] widths, int batch, long seed) {
        int classes = widths[widths.length - 1] == 1 ? 2 : widths[widths.length - 1];
        int[] hidden = java.util.Arrays.copyOfRange(widths, 1, widths.length - 1);
        ModelSpec spec = hidden.length == 0 ? ModelSpec.logistic(widths[0], classes)
                : ModelSpec.mlp(widths[0], classes, hidden);
        DenseNetwork network = new DenseNetwork(spec);
        SplittableRandom r = new SplittableRandom(seed);
        double[] params = new double[network.parameterCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = r.nextGaussian();
        }
        int n = batch + 5;
        float[][] inputs = new float[n][widths[0]];
        int[] labels = new int[n];
        for (int e = 0; e < n; e++) {
            for (int i = 0; i < widths[0]; i++) {
                // some inputs exactly zero, as one-hot columns are
                inputs[e][i] = r.nextInt(4) == 0 ? 0f : (float) (r.nextDouble() * 4 - 2);
            }
            labels[e] = r.nextInt(classes);
        }
        int[] rows = new int[batch];
        for (int e = 0; e < batch; e++) {
            rows[e] = r.nextInt(n); // in any order, with repeats, as shuffled batches are
        }

        double[][] probabilities = network.forward(params, inputs, rows);
        double[] gradient = new double[params.length];
        double loss = network.lossAndGradient(params, inputs, labels, rows, gradient);

        OneAtATime reference = new OneAtATime(widths, classes == 2);
        double[] expectedGradient = new double[params.length];
        double expectedLoss = 0;
        for (int e = 0; e < batch; e++) {
            double[][] a = reference.forward(params, inputs[rows[e]]);
            double[] out = a[widths.length - 1];
            assertThat(probabilities[e]).containsExactly(out);
            expectedLoss += reference.lossAndAddGradient(params, a, labels[rows[e]], 1.0 / batch, expectedGradient);
        }
        assertThat(loss).isEqualTo(expectedLoss * (1.0 / batch));
        assertThat(gradient).containsExactly(expectedGradient);
    }

    /** The textbook passes: per example, each unit's dot product over its inputs in order, then back. */
    private record OneAtATime(int[] widths, boolean binary) {

        int weights(int l) {
            int offset = 0;
            for (int k = 1; k < l; k++) {
                offset += widths[k - 1] * widths[k] + widths[k];
            }
            return offset;
        }

        double[][] forward(double[] p, float[] x) {
            double[][] a = new double[widths.length][];
            a[0] = new double[widths[0]];
            for (int i = 0; i < x.length; i++) {
                a[0][i] = x[i];
            }
            for (int l = 1; l < widths.length; l++) {
                int nIn = widths[l - 1];
                int w = weights(l);
                double[] z = new double[widths[l]];
                for (int j = 0; j < z.length; j++) {
                    double s = p[w + nIn * z.length + j];
                    for (int i = 0; i < nIn; i++) {
                        s += a[l - 1][i] * p[w + j * nIn + i];
                    }
                    z[j] = s;
                }
                if (l < widths.length - 1) {
                    for (int j = 0; j < z.length; j++) {
                        z[j] = Math.max(0, z[j]);
                    }
                } else if (binary) {
                    z[0] = DenseNetwork.sigmoid(z[0]);
                } else {
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
                a[l] = z;
            }
            return a;
        }

        double lossAndAddGradient(double[] p, double[][] a, int y, double scale, double[] gradient) {
            double[] out = a[widths.length - 1];
            double[] delta = new double[out.length];
            double loss;
            if (binary) {
                loss = -(y == 1 ? StrictMath.log(clip(out[0])) : StrictMath.log(clip(1 - out[0])));
                delta[0] = (out[0] - y) * scale;
            } else {
                loss = -StrictMath.log(clip(out[y]));
                for (int j = 0; j < delta.length; j++) {
                    delta[j] = (out[j] - (j == y ? 1 : 0)) * scale;
                }
            }
            for (int l = widths.length - 1; l >= 1; l--) {
                int nIn = widths[l - 1];
                int nOut = widths[l];
                int w = weights(l);
                for (int j = 0; j < nOut; j++) {
                    if (delta[j] == 0) {
                        continue;
                    }
                    gradient[w + nIn * nOut + j] += delta[j];
                    for (int i = 0; i < nIn; i++) {
                        gradient[w + j * nIn + i] += delta[j] * a[l - 1][i];
                    }
                }
                double[] previous = new double[nIn];
                for (int i = 0; i < nIn; i++) {
                    if (a[l - 1][i] <= 0) {
                        continue;
                    }
                    double s = 0;
                    for (int j = 0; j < nOut; j++) {
                        s += delta[j] * p[w + j * nIn + i];
                    }
                    previous[i] = s;
                }
                delta = previous;
            }
            return loss;
        }

        static double clip(double p) {
            return Math.min(1 - 1e-12, Math.max(1e-12, p));
        }
    }
}
