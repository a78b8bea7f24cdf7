package org.medfed.analytics.gwas;

/**
 * A biallelic variant as hospitals name it; two hospitals' records are the same variant when contig,
 * position and both alleles agree (the ID column is often "." or differs between call sets).
 */
public record VariantInfo(String chrom, int position, String id, String ref, String alt) {

    public String key() {
        return chrom + ':' + position + ':' + ref + ':' + alt;
    }

    /** "rs123" when there is an ID, else "chrom:pos:ref:alt". */
    public String label() {
        return id == null || id.equals(".") ? key() : id;
    }
}
