package org.medfed.data.vcf;

/** What to do with a site that has more than one alternate allele. */
public enum MultiAllelicPolicy {
    /**
     * One biallelic record per alternate allele; the dosage counts copies of that allele, so a 1/2
     * genotype gives dosage 1 in both records (as {@code bcftools norm -m-} does).
     */
    SPLIT,
    /** Leave the site out; it is counted in the read statistics. */
    SKIP
}
