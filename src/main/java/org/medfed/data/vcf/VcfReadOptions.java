package org.medfed.data.vcf;

import java.util.Objects;

/**
 * Choices for reading a genotype file.
 *
 * @param multiAllelic what to do with sites of more than one alternate allele
 * @param requireSorted when true (the VCF specification's rule), a record whose position goes backwards on
 *        its contig, or a contig that comes back after another one, is an error naming the line
 */
public record VcfReadOptions(MultiAllelicPolicy multiAllelic, boolean requireSorted) {

    public VcfReadOptions {
        Objects.requireNonNull(multiAllelic, "multiAllelic");
    }

    /** Split multi-allelic sites, require sorted records. */
    public static VcfReadOptions defaults() {
        return new VcfReadOptions(MultiAllelicPolicy.SPLIT, true);
    }

    public VcfReadOptions withMultiAllelic(MultiAllelicPolicy policy) {
        return new VcfReadOptions(policy, requireSorted);
    }
}
