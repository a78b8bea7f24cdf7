package org.medfed.data.vcf;

/**
 * One sample's line of the phenotype sheet; NaN marks a missing value (empty, NA, N/A, NaN or ".").
 *
 * @param id sample id
 * @param phenotype the trait (0/1 when binary)
 * @param covariates in the order of {@link PhenotypeSpec#covariates()}
 * @param line line number in the sheet
 */
public record PhenotypeRow(String id, double phenotype, double[] covariates, long line) {

    /** True when the phenotype and every covariate are present. */
    public boolean complete() {
        if (Double.isNaN(phenotype)) {
            return false;
        }
        for (double c : covariates) {
            if (Double.isNaN(c)) {
                return false;
            }
        }
        return true;
    }
}
