package org.medfed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorMathTest {

    @Test
    void weightedMeanByHand() {
        ModelVector a = ModelVector.of(new float[] {1f, 2f, -4f});
        ModelVector b = ModelVector.of(new float[] {3f, 0f, 4f});

        // weights 1 and 3: (1*a + 3*b) / 4
        ModelVector m = VectorMath.weightedMean(List.of(a, b), new double[] {1, 3});

        assertThat(m.toArray()).containsExactly(2.5f, 0.5f, 2f);
    }

    /**
     * The tiled sum adds each element's terms in the list's order, as one pass per vector over the whole length
     * did: the results are the same bits, also across tile boundaries and in the last, partial tile, for every
     * number of vectors from 1 to 12 (one group of up to five, then balanced groups: 5 + 5, 4 + 4 + 3, ...), with
     * negative zeros, whose sum with the starting 0.0 is +0.0, and a zero weight. Rounding to float hides most
     * changes of order in a double sum, so some elements are built to show them: equal weights, one vector holding
     * 1e20, another -1e20 and a third 1, the rest 0. The 1 survives only when it is added after both large terms.
     */
    @Test
    void tiledSumsAreBitIdenticalToSummingWholeVectorsInOrder() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 2 * VectorMath.TILE + 77;
        for (int count = 1; count <= 12; count++) {
            boolean equalWeights = count % 2 == 1;
            float[][] values = new float[count][n];
            for (int i = 0; i < n; i++) {
                boolean cancelling = equalWeights && count >= 3 && i % 5 == 2;
                int large = random.nextInt(count);
                int negative = (large + 1 + random.nextInt(count - 1 == 0 ? 1 : count - 1)) % count;
                int one = random.nextInt(count);
                cancelling &= one != large && one != negative;
                for (int k = 0; k < count; k++) {
                    if (cancelling) {
                        values[k][i] = k == large ? 1e20f : k == negative ? -1e20f : k == one ? 1f : 0f;
                    } else {
                        values[k][i] = i % 101 == 0 ? -0.0f
                                : (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-6, 6)));
                    }
                }
            }
            List<ModelVector> vectors = new ArrayList<>();
            double[] weights = new double[count];
            for (int k = 0; k < count; k++) {
                vectors.add(ModelVector.wrap(values[k]));
                weights[k] = equalWeights ? 1 : k == 1 ? 0 : random.nextDouble() * 300;
            }

            float[] tiled = VectorMath.weightedMean(vectors, weights).toArray();

            float[] whole = wholeLengthSumInOrder(vectors, weights, n);
            for (int i = 0; i < n; i++) {
                assertThat(Float.floatToRawIntBits(tiled[i])).as("%d vectors, element %d", count, i)
                        .isEqualTo(Float.floatToRawIntBits(whole[i]));
            }
        }
    }

    private static float[] wholeLengthSumInOrder(List<ModelVector> vectors, double[] weights, int n) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] acc = new double[n];
        for (int k = 0; k < vectors.size(); k++) {
            double w = weights[k] / total;
            for (int i = 0; i < n; i++) {
                acc[i] += w * vectors.get(k).get(i);
            }
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) acc[i];
        }
        return out;
    }
}
