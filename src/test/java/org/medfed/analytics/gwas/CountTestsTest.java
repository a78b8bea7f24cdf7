package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class CountTestsTest {

    // cases 0/0 10, 0/1 20, 1/1 30; controls 30, 20, 10
    private static final GenotypeTally CASES = new GenotypeTally(10, 20, 30, 3);
    private static final GenotypeTally CONTROLS = new GenotypeTally(30, 20, 10, 0);

    @Test
    void trendTestOfATwoByThreeTableByHand() {
        // R = S = 60, N = 120, column totals 40/40/40.
        // T = sum t_i (r_i S - s_i R) = 60 * (1 * 0 + 2 * 20) = 2400
        // Var = R S / N * (sum t^2 n (N - n) - 2 sum_{i<j} t_i t_j n_i n_j)
        //     = 30 * ((1 + 4) * 40 * 80 - 2 * 2 * 40 * 40) = 30 * 9600 = 288000
        // chi2 = 2400^2 / 288000 = 20 (= N r^2 with r^2 = 1/6)
        CountTests.Outcome trend = CountTests.trend(CASES, CONTROLS);
        assertThat(trend.chiSquare()).isCloseTo(20.0, within(1e-12));
        // erfc(sqrt(10)), 30 digits
        assertThat(trend.p()).isCloseTo(7.7442164310440836377e-6, Percentage.withPercentage(1e-10));
    }

    @Test
    void allelicTestOfTheSameTableByHand() {
        // allele copies: cases alt 20 + 60 = 80, ref 20 + 20 = 40; controls alt 40, ref 80
        // chi2 = 240 (80*80 - 40*40)^2 / 120^4 = 80/3; OR = 80*80 / (40*40) = 4; SE = sqrt(2/80 + 2/40)
        CountTests.Outcome allelic = CountTests.allelic(CASES, CONTROLS);
        assertThat(allelic.chiSquare()).isCloseTo(80.0 / 3, within(1e-12));
        // scipy.stats.chi2_contingency([[80, 40], [40, 80]], correction=False): 26.6667, p 2.41756388111902e-07
        assertThat(allelic.p()).isCloseTo(2.4175638811190213e-7, Percentage.withPercentage(1e-10));
        assertThat(allelic.oddsRatio()).isEqualTo(4.0);
        assertThat(allelic.logOrSe()).isCloseTo(Math.sqrt(0.075), within(1e-15));
    }

    @Test
    void trendStatisticIsNTimesTheSquaredCorrelation() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            GenotypeTally cases = new GenotypeTally(random.nextInt(50), random.nextInt(50), random.nextInt(50), 0);
            GenotypeTally controls = new GenotypeTally(1 + random.nextInt(50), random.nextInt(50), random.nextInt(50), 0);
            double expected = nTimesR2(cases, controls);
            double actual = CountTests.trend(cases, controls).chiSquare();
            if (Double.isNaN(expected)) {
                assertThat(actual).isNaN();
            } else {
                assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
            }
        }
    }

    @Test
    void monomorphicGivesNoStatistic() {
        GenotypeTally allRef = new GenotypeTally(10, 0, 0, 0);
        assertThat(CountTests.allelic(allRef, allRef).chiSquare()).isNaN();
        assertThat(CountTests.trend(allRef, allRef).chiSquare()).isNaN();
        assertThat(CountTests.allelic(allRef, allRef).p()).isNaN();
    }

    /** N r^2 computed from the expanded rows (genotype, status), a route independent of the trend formula. */
    private static double nTimesR2(GenotypeTally cases, GenotypeTally controls) {
        long[][] counts = {{cases.homRef(), cases.het(), cases.homAlt()}, {controls.homRef(), controls.het(), controls.homAlt()}};
        double n = 0;
        double sg = 0;
        double sy = 0;
        for (int y = 0; y < 2; y++) {
            for (int g = 0; g < 3; g++) {
                n += counts[y][g];
                sg += g * counts[y][g];
                sy += (1 - y) * counts[y][g];
            }
        }
        double mg = sg / n;
        double my = sy / n;
        double sgg = 0;
        double syy = 0;
        double sgy = 0;
        for (int y = 0; y < 2; y++) {
            for (int g = 0; g < 3; g++) {
                double dg = g - mg;
                double dy = (1 - y) - my;
                sgg += counts[y][g] * dg * dg;
                syy += counts[y][g] * dy * dy;
                sgy += counts[y][g] * dg * dy;
            }
        }
        return sgg == 0 || syy == 0 ? Double.NaN : n * sgy * sgy / (sgg * syy);
    }
}
