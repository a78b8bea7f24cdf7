package org.medfed.analytics.gwas;

/**
 * The genotype term of one variant's fitted regression.
 *
 * @param beta genotype coefficient (log odds ratio for logistic)
 * @param se its standard error
 * @param statistic Wald z (logistic) or t (linear)
 * @param p two-sided p-value
 * @param negLog10P -log10 p, finite past underflow
 * @param n samples with a genotype
 * @param iterations Newton steps taken
 * @param note why there is no estimate, or empty
 */
record RegressionFit(double beta, double se, double statistic, double p, double negLog10P, long n, int iterations,
        String note) {

    static RegressionFit failed(long n, int iterations, String note) {
        return new RegressionFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, n, iterations, note);
    }
}
