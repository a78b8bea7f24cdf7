package org.medfed.analytics.gwas.synthetic;

/**
 * The truth about one generated person.
 *
 * @param hospital where the person is treated
 * @param id sample id in the VCF and the phenotype sheet
 * @param age years
 * @param sex 0 or 1
 * @param disease 1 case, 0 control
 * @param ldl quantitative trait
 * @param poorlyGenotyped 25% of this person's calls are missing (sample QC should remove them)
 * @param phenotypeMissing the disease status is written as NA in the sheet
 */
public record SyntheticSample(String hospital, String id, int age, int sex, int disease, double ldl,
        boolean poorlyGenotyped, boolean phenotypeMissing) {
}
