package org.medfed.analytics.gwas;

import org.medfed.engine.BadInputException;

/**
 * Quality control, configured once for the study and applied the same way at every hospital. Sample call
 * rate is judged at each hospital over its own variants; variant call rate, minor allele frequency and the
 * Hardy-Weinberg test are judged on the genotype counts summed over all hospitals.
 *
 * @param minSampleCallRate samples called at fewer than this fraction of variants are left out (PLINK --mind 1-x)
 * @param minVariantCallRate variants called in fewer than this fraction of samples are left out (--geno 1-x)
 * @param minMaf variants with a minor allele frequency below this are left out (--maf)
 * @param minHweP variants with an exact Hardy-Weinberg p-value below this are left out (--hwe); 0 disables it
 * @param hweControlsOnly for a binary phenotype, test Hardy-Weinberg in controls only (a true association
 *        can push cases out of equilibrium)
 */
public record QcSettings(double minSampleCallRate, double minVariantCallRate, double minMaf, double minHweP,
        boolean hweControlsOnly) {

    public QcSettings {
        fraction("minimum sample call rate", minSampleCallRate, 1);
        fraction("minimum variant call rate", minVariantCallRate, 1);
        fraction("minimum minor allele frequency", minMaf, 0.5);
        fraction("minimum Hardy-Weinberg p-value", minHweP, 1);
    }

    /** Common GWAS defaults: call rates 95%, MAF 1%, HWE p 1e-6 in controls. */
    public static QcSettings defaults() {
        return new QcSettings(0.95, 0.95, 0.01, 1e-6, true);
    }

    /** No filtering at all (every variant with a genotype is tested). */
    public static QcSettings none() {
        return new QcSettings(0, 0, 0, 0, false);
    }

    private static void fraction(String what, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new BadInputException("the " + what + " is " + value + ", expected a number from 0 to " + max);
        }
    }
}
