package org.medfed.report;

import java.util.Arrays;

/**
 * The points of a QQ plot of p-values: the i-th largest observed -log10 p against the -log10 of the
 * (i - 0.5) / n quantile of the uniform distribution, which is what n p-values under no association would give.
 */
public record QqPoints(double[] expected, double[] observed) {

    public static QqPoints of(double[] negLog10P) {
        double[] sorted = Arrays.stream(negLog10P).filter(Double::isFinite).sorted().toArray();
        int n = sorted.length;
        double[] expected = new double[n];
        double[] observed = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = -Math.log10((i + 0.5) / n);
            observed[i] = sorted[n - 1 - i];
        }
        return new QqPoints(expected, observed);
    }

    public int size() {
        return expected.length;
    }

    /** The end of the diagonal: the largest expected value (1 when there is no point). */
    public double maxExpected() {
        return expected.length == 0 ? 1 : expected[0];
    }

    public double maxObserved() {
        return observed.length == 0 ? 1 : observed[0];
    }
}
