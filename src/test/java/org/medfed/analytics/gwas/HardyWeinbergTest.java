package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;
import org.assertj.core.data.Percentage;

class HardyWeinbergTest {

    @Test
    void matchesThePublishedValuesOfTheReferenceImplementation() {
        // snphwe (PyPI), a wrapper of Wigginton et al.'s snp_hwe.c, tests: snphwe(500, 10, 5000) and snphwe(1000, 20, 5000)
        assertThat(HardyWeinberg.exactP(500, 10, 5000)).isCloseTo(0.65157189991, within(1e-11));
        assertThat(HardyWeinberg.exactP(1000, 20, 5000)).isCloseTo(1.26598491e-5, Percentage.withPercentage(1e-6));
    }

    @Test
    void smallTablesComputedByHand() {
        // 2 people, 2 copies of each allele: P(0 het) = 1/3, P(2 het) = 2/3; observing 0 hets gives p = 1/3
        assertThat(HardyWeinberg.exactP(0, 1, 1)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(HardyWeinberg.exactP(2, 0, 0)).isEqualTo(1.0);
        // 3 people, 2 rare copies: P(2 het) = 0.8, P(0 het) = 0.2
        assertThat(HardyWeinberg.exactP(0, 2, 1)).isCloseTo(0.2, within(1e-15));
        assertThat(HardyWeinberg.exactP(2, 1, 0)).isEqualTo(1.0);
    }

    @Test
    void monomorphicIsOneAndNoGenotypeIsNaN() {
        assertThat(HardyWeinberg.exactP(0, 100, 0)).isEqualTo(1.0);
        assertThat(HardyWeinberg.exactP(0, 0, 0)).isNaN();
    }

    @Test
    void agreesWithDirectSummationOfTheClosedFormDistribution() {
        // formula (1) of the paper, summed with log-factorials: an independent route to the same p-value
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(400);
            int homRef = random.nextInt(n + 1);
            int het = random.nextInt(n - homRef + 1);
            int homAlt = n - homRef - het;
            assertThat(HardyWeinberg.exactP(het, homRef, homAlt)).as("het %d homRef %d homAlt %d", het, homRef, homAlt)
                    .isCloseTo(closedForm(het, homRef, homAlt), within(1e-10));
        }
        // values of that formula computed with 30-digit arithmetic (mpmath)
        assertThat(HardyWeinberg.exactP(57, 14, 29)).isCloseTo(0.15068007651576144, within(1e-13));
        assertThat(HardyWeinberg.exactP(21, 0, 79)).isCloseTo(0.59364517592731675, within(1e-13));
        assertThat(HardyWeinberg.exactP(3, 9, 88)).isCloseTo(1.3389415434160393e-10, Percentage.withPercentage(1e-8));
    }

    /**
     * Quality control asks only whether the p-value is below its threshold, and answers most variants from a bound
     * instead of the whole distribution: the answer must be the p-value's, also for thresholds a rounding step
     * either side of the p-value itself, where only an exact computation can tell.
     */
    @Test
    void belowAnswersAsThePValueDoesAtEveryThreshold() {
        SplittableRandom random = new SplittableRandom(11);
        int checked = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            int n = 1 + random.nextInt(trial % 10 == 0 ? 20 : 4_000);
            double rareShare = random.nextDouble() * 0.5;
            // heterozygotes near equilibrium most often, far from it sometimes
            double hetShare = 2 * rareShare * (1 - rareShare) * (trial % 3 == 0 ? random.nextDouble() * 2 : 1);
            int het = (int) Math.min(n, Math.round(n * hetShare));
            int homAlt = (int) Math.min(n - het, Math.round(n * rareShare * rareShare));
            int homRef = n - het - homAlt;
            double p = HardyWeinberg.exactP(het, homRef, homAlt);
            for (double threshold : new double[] {1e-6, 1e-3, 0.05, 1, p, Math.nextUp(p), Math.nextDown(p),
                    p * (1 + 1e-12), p * (1 - 1e-12), p * 1e3, p / 1e3, random.nextDouble() * 1e-4}) {
                boolean below = HardyWeinberg.below(het, homRef, homAlt, threshold);
                assertThat(below)
                        .as("het %d homRef %d homAlt %d, p %s, threshold %s", het, homRef, homAlt, p, threshold)
                        .isEqualTo(p < threshold);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(240_000);
        assertThat(HardyWeinberg.below(0, 0, 0, 1e-6)).isFalse();
        assertThat(HardyWeinberg.below(0, 10, 0, 1e-6)).isFalse();
        assertThat(HardyWeinberg.below(0, 10, 0, 1.5)).isTrue();
    }

    private static double closedForm(int het, int homRef, int homAlt) {
        int n = het + homRef + homAlt;
        int rare = 2 * Math.min(homRef, homAlt) + het;
        double observed = logProbability(n, rare, het);
        double p = 0;
        for (int h = rare % 2; h <= rare; h += 2) {
            double lp = logProbability(n, rare, h);
            if (lp <= observed + 1e-9) {
                p += Math.exp(lp);
            }
        }
        return Math.min(1, p);
    }

    private static double logProbability(int n, int rare, int het) {
        int homRare = (rare - het) / 2;
        int homCommon = n - het - homRare;
        return het * Math.log(2) + CombinatoricsUtils.factorialLog(n) - CombinatoricsUtils.factorialLog(homRare)
                - CombinatoricsUtils.factorialLog(het) - CombinatoricsUtils.factorialLog(homCommon)
                + CombinatoricsUtils.factorialLog(rare) + CombinatoricsUtils.factorialLog(2 * n - rare)
                - CombinatoricsUtils.factorialLog(2 * n);
    }
}
