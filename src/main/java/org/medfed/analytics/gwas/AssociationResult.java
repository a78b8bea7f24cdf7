package org.medfed.analytics.gwas;

/**
 * One tested variant.
 *
 * @param variant names and alleles
 * @param altFrequency alternate allele frequency over the analysed samples with a genotype
 * @param n samples with a genotype used by the test
 * @param effect odds ratio per alternate allele (allelic, trend, logistic) or beta (linear); NaN when not estimable
 * @param se standard error of log(odds ratio) or of beta
 * @param statistic chi-square (allelic, trend), Wald z (logistic) or t (linear)
 * @param p p-value, NaN when the test could not be done
 * @param negLog10P -log10 p, finite even where p underflows to 0
 * @param note why the test could not be done (monomorphic, did not converge...), or empty
 */
public record AssociationResult(VariantInfo variant, double altFrequency, long n, double effect, double se,
        double statistic, double p, double negLog10P, String note) {

    public boolean tested() {
        return !Double.isNaN(p);
    }
}
