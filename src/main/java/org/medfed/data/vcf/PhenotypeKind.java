package org.medfed.data.vcf;

/** How the phenotype column is read. */
public enum PhenotypeKind {
    /** 0 = control, 1 = case. */
    BINARY,
    /** Any number (a measurement such as LDL cholesterol). */
    QUANTITATIVE
}
