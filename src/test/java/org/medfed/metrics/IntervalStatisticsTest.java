package org.medfed.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The intervals and tests of the Results screen against values computed by hand or published. */
class IntervalStatisticsTest {

    @Test
    void wilsonIntervalOfEightOfTen() {
        // (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n) with p = 0.8, n = 10, z = 1.95996: 0.4902 to 0.9433
        // (also Newcombe 1998, Table I, method 3: 0.4902, 0.9433)
        Estimate e = new Proportion(8, 10).wilson();
        assertThat(e.value()).isEqualTo(0.8);
        assertThat(e.low()).isCloseTo(0.4902, within(1e-4));
        assertThat(e.high()).isCloseTo(0.9433, within(1e-4));
    }

    @Test
    void wilsonIntervalAtTheEdgesStaysInsideZeroOne() {
        // 0 of 10: upper bound z²/(n + z²) = 3.8415 / 13.8415 = 0.2775
        Estimate none = new Proportion(0, 10).wilson();
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.2775, within(1e-4));
        Estimate all = new Proportion(10, 10).wilson();
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(all.low()).isCloseTo(0.7225, within(1e-4));
        assertThat(new Proportion(0, 0).wilson().hasInterval()).isFalse();
    }

    @Test
    void countRecoveredFromAReportedRate() {
        assertThat(Proportion.fromRate(17.0 / 23, 23)).isEqualTo(new Proportion(17, 23));
    }

    @Test
    void deLongVarianceOfASmallExampleComputedByHand() {
        // positives 0.9, 0.8, 0.4; negatives 0.7, 0.3. Placements V10 = 1, 1, 0.5; V01 = 2/3, 1.
        // AUC = 2.5/3; S10 = var(1, 1, 0.5) = 1/12; S01 = var(2/3, 1) = 1/18; Var = S10/3 + S01/2 = 1/36 + 1/36 = 1/18
        DeLong.Result r = DeLong.of(new int[] {1, 1, 1, 0, 0}, new double[] {0.9, 0.8, 0.4, 0.7, 0.3});
        assertThat(r.auc()).isCloseTo(2.5 / 3, within(1e-12));
        assertThat(r.variance()).isCloseTo(1.0 / 18, within(1e-12));
        Estimate e = r.estimate();
        assertThat(e.low()).isCloseTo(2.5 / 3 - 1.959964 * Math.sqrt(1.0 / 18), within(1e-5));
        assertThat(e.high()).isEqualTo(1.0); // 0.833 + 0.462 is clipped
        assertThat(r.auc()).isEqualTo(RocAuc.auc(new int[] {1, 1, 1, 0, 0}, new double[] {0.9, 0.8, 0.4, 0.7, 0.3}));
    }

    @Test
    void deLongWithATieCountsItHalf() {
        // sklearn's example [0,0,1,1], [0.1,0.4,0.35,0.8] (AUC 0.75): V10 = 0.5, 1; V01 = 1, 0.5; Var = 0.125/2 + 0.125/2
        DeLong.Result r = DeLong.of(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8});
        assertThat(r.auc()).isEqualTo(0.75);
        assertThat(r.variance()).isCloseTo(0.125, within(1e-12));
        assertThat(DeLong.of(new int[] {1, 1}, new double[] {0.2, 0.3}).estimate()).isEqualTo(Estimate.NONE);
    }

    @Test
    void deLongWithATieBetweenClassesCountsItHalfOnBothSides() {
        // positives 0.6, 0.4; negatives 0.4, 0.2. V10 = 1, (0.5 + 1)/2 = 0.75; V01 = (1 + 0.5)/2 = 0.75, 1.
        // AUC 0.875; S10 = S01 = var(1, 0.75) = 0.03125; Var = 0.03125/2 + 0.03125/2 = 0.03125
        DeLong.Result r = DeLong.of(new int[] {1, 0, 1, 0}, new double[] {0.6, 0.4, 0.4, 0.2});
        assertThat(r.auc()).isEqualTo(0.875);
        assertThat(r.variance()).isEqualTo(0.03125);
    }

    @Test
    void mcNemarExactOnAHandMadeTable() {
        // 1 patient only the first model got right, 9 only the second: P(X <= 1 | Bin(10, 1/2)) = 11/1024, p = 22/1024
        assertThat(McNemar.pValue(1, 9)).isCloseTo(22.0 / 1024, within(1e-12));
        assertThat(McNemar.verdict(1, 9)).isEqualTo(McNemar.Verdict.WORSE);
        assertThat(McNemar.verdict(9, 1)).isEqualTo(McNemar.Verdict.BETTER);
        // 3 against 1: P(X <= 1 | Bin(4, 1/2)) = 5/16, p = 0.625
        assertThat(McNemar.pValue(3, 1)).isCloseTo(0.625, within(1e-12));
        assertThat(McNemar.verdict(3, 1)).isEqualTo(McNemar.Verdict.NO_DETECTABLE_DIFFERENCE);
        assertThat(McNemar.pValue(0, 0)).isEqualTo(1.0);
        assertThat(McNemar.pValue(5, 5)).isEqualTo(1.0);
    }

    @Test
    void calibrationBinsAverageThePredictionsAndCountThePositives() {
        int[] y = {0, 1, 1, 0, 1};
        double[] s = {0.05, 0.15, 0.95, 0.91, 1.0};
        List<Calibration.Bin> bins = Calibration.bins(y, s, 10);
        assertThat(bins).hasSize(3);
        assertThat(bins.get(0)).isEqualTo(new Calibration.Bin(0.05, 0.0, 1));
        assertThat(bins.get(2).patients()).isEqualTo(3); // 0.95, 0.91 and 1.0 fall in the last bin
        assertThat(bins.get(2).meanPredicted()).isCloseTo((0.95 + 0.91 + 1.0) / 3, within(1e-12));
        assertThat(bins.get(2).observed()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void sensitivityAndSpecificityAtAThreshold() {
        int[] y = {1, 1, 1, 0, 0};
        double[] s = {0.9, 0.5, 0.4, 0.6, 0.1};
        BinaryCounts at = BinaryCounts.at(y, s, 0.5);
        assertThat(at.sensitivity()).isEqualTo(new Proportion(2, 3));
        assertThat(at.specificity()).isEqualTo(new Proportion(1, 2));
        assertThat(BinaryCounts.at(y, s, 0.95).sensitivity()).isEqualTo(new Proportion(0, 3));
    }
}
