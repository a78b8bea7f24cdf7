package org.medfed.analytics.gwas;

/**
 * A variant present at every site: where each site keeps it, and its genotype counts summed over sites.
 *
 * @param info names and alleles
 * @param siteIndex for each site, the variant's site-local index
 * @param cases summed case tallies (empty for a quantitative phenotype)
 * @param controls summed control tallies (everyone, for a quantitative phenotype)
 */
record StudyVariant(VariantInfo info, int[] siteIndex, GenotypeTally cases, GenotypeTally controls) {

    GenotypeTally all() {
        return cases.plus(controls);
    }

    /** Alternate allele frequency over called samples, NaN when none is called. */
    double altFrequency() {
        GenotypeTally all = all();
        return all.called() == 0 ? Double.NaN : all.altAlleles() / (2.0 * all.called());
    }
}
