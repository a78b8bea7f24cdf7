package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GenomicInflationTest {

    @Test
    void lambdaIsTheMedianOverTheNullMedian() {
        assertThat(GenomicInflation.lambda(new double[] {0.1, GenomicInflation.CHI2_1_MEDIAN, 9.0})).isEqualTo(1.0);
        assertThat(GenomicInflation.lambda(new double[] {1.0, 2.0, Double.NaN, 3.0, 4.0}))
                .isCloseTo(2.5 / 0.45493642311957275, within(1e-12));
        assertThat(GenomicInflation.lambda(new double[] {Double.NaN})).isNaN();
    }

    @Test
    void nullStatisticsGiveLambdaNearOne() {
        // chi-square quantiles at (i - 0.5) / n: their median is the null median, so lambda = 1
        int n = 1001;
        double[] chi2 = new double[n];
        for (int i = 0; i < n; i++) {
            chi2[i] = Tails.chiSquare1Equivalent((i + 0.5) / n);
        }
        assertThat(GenomicInflation.lambda(chi2)).isCloseTo(1.0, within(1e-9));
    }
}
