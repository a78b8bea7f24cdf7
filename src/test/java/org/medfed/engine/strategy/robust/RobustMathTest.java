package org.medfed.engine.strategy.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.engine.ModelVector;

class RobustMathTest {

    private static List<ModelVector> rows(float[]... rows) {
        return java.util.Arrays.stream(rows).map(ModelVector::of).toList();
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValuePerCoordinate() {
        // Published example (numpy.median, axis 0, as shown on GeeksforGeeks):
        // [[14,17,12,33,44],[15,6,27,8,19],[23,2,54,1,4]] -> [15, 6, 27, 8, 19]
        int[] used = new int[3];
        ModelVector m = RobustMath.median(rows(
                new float[] {14, 17, 12, 33, 44},
                new float[] {15, 6, 27, 8, 19},
                new float[] {23, 2, 54, 1, 4}), used);
        assertThat(m.toArray()).containsExactly(15, 6, 27, 8, 19);
        // the second row is the middle one in every column
        assertThat(used).containsExactly(0, 5, 0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        // Published example (numpy.median docs): [[10,7,4],[3,2,1]], axis 0 -> [6.5, 4.5, 2.5]
        int[] used = new int[2];
        ModelVector m = RobustMath.median(rows(new float[] {10, 7, 4}, new float[] {3, 2, 1}), used);
        assertThat(m.toArray()).containsExactly(6.5f, 4.5f, 2.5f);
        assertThat(used).containsExactly(3, 3);
    }

    @Test
    void medianOfFourWithAnOutlier() {
        // coordinate 0: 1, 2, 4, 1000 -> (2 + 4) / 2 = 3 ; coordinate 1: -5, 0, 0, 7 -> (0 + 0) / 2 = 0
        int[] used = new int[4];
        ModelVector m = RobustMath.median(rows(
                new float[] {2, 0}, new float[] {1, -5}, new float[] {1000, 7}, new float[] {4, 0}), used);
        assertThat(m.toArray()).containsExactly(3f, 0f);
        // coordinate 0 uses rows 0 and 3; coordinate 1 uses rows 0 and 3 (the two zeros)
        assertThat(used).containsExactly(2, 0, 0, 2);
    }

    @Test
    void tiesAreBrokenByPositionThatIsByParticipantName() {
        // 1, 1, 1, 5: sorted positions are rows 0, 1, 2 (equal values by row) then 3; the middle two are rows 1, 2
        int[] used = new int[4];
        ModelVector m = RobustMath.median(rows(new float[] {1}, new float[] {1}, new float[] {1}, new float[] {5}), used);
        assertThat(m.toArray()).containsExactly(1f);
        assertThat(used).containsExactly(0, 1, 1, 0);
    }

    @Test
    void medianOfOneAndOfTwo() {
        assertThat(RobustMath.median(rows(new float[] {7, -1}), null).toArray()).containsExactly(7f, -1f);
        assertThat(RobustMath.median(rows(new float[] {7, -1}, new float[] {8, 1}), null).toArray())
                .containsExactly(7.5f, 0f);
    }

    @Test
    void trimmedMeanMatchesScipyTrimMean() {
        // Published example (scipy.stats.trim_mean docs): x = arange(20).reshape(5, 4); trim_mean(x, 0.25)
        // = [8, 9, 10, 11]. int(0.25 * 5) = 1 trimmed at each end: column 0 keeps 4, 8, 12 -> 8.
        int[] used = new int[5];
        ModelVector m = RobustMath.trimmedMean(rows(
                new float[] {0, 1, 2, 3}, new float[] {4, 5, 6, 7}, new float[] {8, 9, 10, 11},
                new float[] {12, 13, 14, 15}, new float[] {16, 17, 18, 19}), 1, used);
        assertThat(m.toArray()).containsExactly(8f, 9f, 10f, 11f);
        assertThat(used).containsExactly(0, 4, 4, 4, 0);
    }

    @Test
    void trimmingNothingIsThePlainMean() {
        // (1 + 2 + 3 + 5) / 4 = 2.75 (scipy: trim_mean([1, 2, 3, 5], 0.24999) == mean == 2.75)
        ModelVector m = RobustMath.trimmedMean(rows(new float[] {1}, new float[] {2}, new float[] {3}, new float[] {5}),
                0, null);
        assertThat(m.toArray()).containsExactly(2.75f);
    }

    @Test
    void trimmingOneOfFourAtEachEnd() {
        // scipy: trim_mean([1, 2, 3, 5], 0.25) = 2.5
        ModelVector m = RobustMath.trimmedMean(rows(new float[] {5}, new float[] {2}, new float[] {1}, new float[] {3}),
                1, null);
        assertThat(m.toArray()).containsExactly(2.5f);
    }

    @Test
    void refusesToTrimEverything() {
        List<ModelVector> four = rows(new float[] {1}, new float[] {2}, new float[] {3}, new float[] {4});
        assertThatThrownBy(() -> RobustMath.trimmedMean(four, 2, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RobustMath.trimmedMean(four, -1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RobustMath.trimmedMean(List.of(), 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RobustMath.trimmedMean(rows(new float[] {1}, new float[] {1, 2}), 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void squaredDistancesArePairwiseSquaredEuclidean() {
        // (0,0) to (3,4): 9 + 16 = 25; (0,0) to (6,8): 36 + 64 = 100; (3,4) to (6,8): 25
        double[][] d2 = RobustMath.squaredDistances(rows(new float[] {0, 0}, new float[] {3, 4}, new float[] {6, 8}));
        assertThat(d2[0]).containsExactly(0, 25, 100);
        assertThat(d2[1]).containsExactly(25, 0, 25);
        assertThat(d2[2]).containsExactly(100, 25, 0);
    }

    @Test
    void krumScoresSumTheNMinusFMinus2NearestSquaredDistances() {
        // 1-D points 0, 1, 3, 4 and an outlier 20; n = 5, f = 1 -> 2 nearest neighbours each.
        // 0: 1 (to 1), 9 (to 3)            -> 10
        // 1: 1 (to 0), 4 (to 3)            -> 5
        // 3: 1 (to 4), 4 (to 1)            -> 5
        // 4: 1 (to 3), 9 (to 1)            -> 10
        // 20: 256 (to 4), 289 (to 3)       -> 545
        double[][] d2 = RobustMath.squaredDistances(rows(
                new float[] {0}, new float[] {1}, new float[] {3}, new float[] {4}, new float[] {20}));
        assertThat(RobustMath.krumScores(d2, 1)).containsExactly(10, 5, 5, 10, 545);
        // f = 0 -> 3 nearest: 0: 1 + 9 + 16 = 26 ; 20: 256 + 289 + 361 = 906
        assertThat(RobustMath.krumScores(d2, 0)).containsExactly(26, 14, 14, 26, 906);
    }

    @Test
    void krumScoresNeedMoreThan2fPlus2Vectors() {
        double[][] four = new double[4][4];
        assertThatThrownBy(() -> RobustMath.krumScores(four, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 4");
    }

    @Test
    void lowestScoresBreakTiesByPosition() {
        assertThat(RobustMath.lowest(new double[] {10, 5, 5, 10, 545}, 1)).containsExactly(1);
        assertThat(RobustMath.lowest(new double[] {10, 5, 5, 10, 545}, 3)).containsExactly(1, 2, 0);
        assertThat(RobustMath.lowest(new double[] {10, 5, 5, 10, 545}, 5)).containsExactly(1, 2, 0, 3, 4);
        assertThatThrownBy(() -> RobustMath.lowest(new double[] {1, 2}, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
