package org.medfed.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrainTestSplitTest {

    @Test
    void countsFollowScikitLearnsRounding() {
        // train = floor(0.66 n): FLamby's 303 -> 199/104, 261 -> 172/89, 46 -> 30/16, 130 -> 85/45
        int[][] cases = {{303, 199}, {261, 172}, {46, 30}, {130, 85}};
        for (int[] c : cases) {
            int[] y = new int[c[0]];
            for (int i = 0; i < y.length; i++) {
                y[i] = i % 3 == 0 ? 1 : 0;
            }
            TrainTestSplit s = TrainTestSplit.of(y, 2, 0.66, 43, true);
            assertThat(s.train()).hasSize(c[1]);
            assertThat(s.test()).hasSize(c[0] - c[1]);
        }
    }

    @Test
    void stratifiedSplitKeepsTheClassBalance() {
        int[] y = new int[100];
        for (int i = 0; i < 30; i++) {
            y[i] = 1;
        }
        TrainTestSplit s = TrainTestSplit.of(y, 2, 0.8, 1, true);
        long positivesInTest = Arrays.stream(s.test()).filter(i -> y[i] == 1).count();
        assertThat(positivesInTest).isEqualTo(6); // 30 % of 20
        assertThat(TrainTestSplit.allocate(new int[] {70, 30}, 20)).containsExactly(14, 6);
        assertThat(TrainTestSplit.allocate(new int[] {5, 5, 1}, 3)).containsExactly(2, 1, 0);
    }

    @Test
    void theSameSeedGivesTheSameSplitAndEveryRowLandsOnce() {
        int[] y = new int[50];
        TrainTestSplit a = TrainTestSplit.of(y, 1, 0.7, 5, true);
        TrainTestSplit b = TrainTestSplit.of(y, 1, 0.7, 5, true);
        assertThat(a.test()).isEqualTo(b.test());
        assertThat(TrainTestSplit.of(y, 1, 0.7, 6, true).test()).isNotEqualTo(a.test());
        int[] all = new int[50];
        Arrays.stream(a.train()).forEach(i -> all[i]++);
        Arrays.stream(a.test()).forEach(i -> all[i]++);
        assertThat(all).containsOnly(1);
    }
}
