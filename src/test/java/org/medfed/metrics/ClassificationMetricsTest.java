package org.medfed.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void aucCountsTiesAsHalf() {
        // positives score 0.8, 0.4; negatives 0.4, 0.1: pairs (0.8>0.4) (0.8>0.1) (0.4=0.4 -> 1/2) (0.4>0.1) = 3.5 / 4
        assertThat(RocAuc.auc(new int[] {1, 1, 0, 0}, new double[] {0.8, 0.4, 0.4, 0.1})).isEqualTo(0.875);
        assertThat(RocAuc.auc(new int[] {1, 1}, new double[] {0.8, 0.4})).isNaN();
    }

    @Test
    void aucIsTheShareOfPositiveNegativePairsInOrderCountedPairByPair() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + r.nextInt(300);
            int[] y = new int[n];
            double[] s = new double[n];
            for (int k = 0; k < n; k++) {
                y[k] = r.nextInt(3) == 0 ? 1 : 0;
                // few distinct values, so that ties are many, and both zeros, which compare equal
                int v = r.nextInt(12);
                s[k] = v == 0 ? -0.0 : v == 1 ? 0.0 : v / 7.0;
            }
            double pairs = 0;
            double inOrder = 0;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (y[a] == 1 && y[b] == 0) {
                        pairs++;
                        inOrder += s[a] > s[b] ? 1 : s[a] == s[b] ? 0.5 : 0;
                    }
                }
            }
            double expected = pairs == 0 ? Double.NaN : inOrder / pairs;
            assertThat(RocAuc.auc(y, s)).as("trial %d", trial).isEqualTo(expected);
        }
    }

    @Test
    void aucRanksNotANumberAboveEveryScoreInTheExamplesOrder() {
        // ranks: 0.2 -> 1, 0.5 -> 2, NaN (first) -> 3, NaN (last) -> 4; positives 3 + 1 = 4, U = 4 - 3 = 1 of 4 pairs
        assertThat(RocAuc.auc(new int[] {1, 0, 1, 0}, new double[] {Double.NaN, 0.5, 0.2, Double.NaN})).isEqualTo(0.25);
    }

    @Test
    void aucMatchesScikitLearnsExample() {
        // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        assertThat(RocAuc.auc(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8})).isEqualTo(0.75);
    }

    @Test
    void rocCurveRunsFromOriginToOneOne() {
        List<RocAuc.Point> curve = RocAuc.curve(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8});
        assertThat(curve.get(0).falsePositiveRate()).isZero();
        assertThat(curve.get(curve.size() - 1).truePositiveRate()).isEqualTo(1.0);
        assertThat(curve.get(curve.size() - 1).falsePositiveRate()).isEqualTo(1.0);
        // sklearn's roc_curve for this example passes through (0, 0.5), (0.5, 0.5), (0.5, 1), (1, 1)
        assertThat(curve).extracting(p -> p.falsePositiveRate() + "," + p.truePositiveRate())
                .containsExactly("0.0,0.0", "0.0,0.5", "0.5,0.5", "0.5,1.0", "1.0,1.0");
    }

    @Test
    void accuracyLossAndBalancedAccuracyByHand() {
        // three negatives, one positive; predictions 0.2, 0.6 (wrong), 0.1 for negatives, 0.7 for the positive
        int[] y = {0, 0, 0, 1};
        float[][] p = {{0.2f}, {0.6f}, {0.1f}, {0.7f}};
        var m = ClassificationMetrics.compute(y, p, 2);
        assertThat(m.get("accuracy")).isEqualTo(0.75);
        // recall of class 0 = 2/3, of class 1 = 1: balanced = 5/6
        assertThat(m.get("balanced_accuracy")).isCloseTo(5.0 / 6, within(1e-12));
        double loss = -(Math.log(0.8) + Math.log(0.4) + Math.log(0.9) + Math.log(0.7)) / 4;
        assertThat(m.get("loss")).isCloseTo(loss, within(1e-6));
        assertThat(m.get("auc")).isEqualTo(1.0);
    }

    @Test
    void multiClassUsesTheLargestProbabilityAndHasNoAuc() {
        int[] y = {0, 1, 2};
        float[][] p = {{0.7f, 0.2f, 0.1f}, {0.1f, 0.3f, 0.6f}, {0.2f, 0.2f, 0.6f}};
        var m = ClassificationMetrics.compute(y, p, 3);
        assertThat(m.get("accuracy")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m).doesNotContainKey("auc");
    }
}
