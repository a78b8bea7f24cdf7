package org.medfed.data.vcf;

/**
 * One biallelic variant with the alternate-allele dosage of every sample, in the file's sample order.
 *
 * <p>{@code dosages[i]} is 0, 1 or 2 copies of {@code alt}, or {@link #MISSING} when the call is missing
 * (./.), partly missing (./1) or not diploid. The array belongs to this record; the reader never reuses it.
 *
 * @param chrom contig name as written in the file ("1", "chr1")
 * @param position 1-based position
 * @param id the ID column, or "." when absent
 * @param ref reference allele
 * @param alt the alternate allele this record's dosages count
 * @param dosages one byte per sample
 */
public record VariantRecord(String chrom, int position, String id, String ref, String alt, byte[] dosages) {

    /** Dosage value of a missing call. */
    public static final byte MISSING = -1;

    /** Identity of the variant across files: contig, position and both alleles (the ID is often "."). */
    public String key() {
        return chrom + ':' + position + ':' + ref + ':' + alt;
    }

    public int sampleCount() {
        return dosages.length;
    }
}
