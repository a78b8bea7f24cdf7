package org.medfed.analytics.gwas;

import java.util.Arrays;

/**
 * The genomic inflation factor lambda: median observed 1-df chi-square over its expectation under the null,
 * 0.4549364 (Devlin and Roeder 1999). Near 1 when test statistics are well calibrated; well above 1 points
 * to population structure or a problem in the data.
 */
public final class GenomicInflation {

    /** Median of the chi-square distribution with one degree of freedom, 2 * erfinv(1/2)^2. */
    public static final double CHI2_1_MEDIAN = 0.45493642311957275;

    private GenomicInflation() {
    }

    /** Lambda from 1-df chi-square statistics; NaN values are left out; NaN when none remain. */
    public static double lambda(double[] chiSquares) {
        double[] finite = Arrays.stream(chiSquares).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int n = finite.length;
        if (n == 0) {
            return Double.NaN;
        }
        double median = n % 2 == 1 ? finite[n / 2] : (finite[n / 2 - 1] + finite[n / 2]) / 2;
        return median / CHI2_1_MEDIAN;
    }
}
