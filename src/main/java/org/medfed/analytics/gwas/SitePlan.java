package org.medfed.analytics.gwas;

import org.medfed.data.vcf.MultiAllelicPolicy;
import org.medfed.data.vcf.PhenotypeSpec;

/**
 * What the coordinator tells every site before the study: the same for all, except the site's index.
 *
 * @param phenotype which sheet columns to use
 * @param minSampleCallRate the site leaves out its samples called below this rate
 * @param multiAllelic split or skip multi-allelic sites
 * @param design regression columns (ignored by the count-based tests)
 * @param siteIndex this site's position in the study (for its indicator column)
 */
public record SitePlan(PhenotypeSpec phenotype, double minSampleCallRate, MultiAllelicPolicy multiAllelic,
        DesignLayout design, int siteIndex) {

    /** The name the study gives this site (a node learns it from the plan). */
    public String siteName() {
        return design.siteNames().get(siteIndex);
    }
}
