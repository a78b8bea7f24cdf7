package org.medfed.analytics.gwas;

import java.util.List;

/**
 * A site's genotype counts per variant, split by phenotype (cases / controls; for a quantitative
 * phenotype every sample is tallied as a control): the only genotype information a site releases for
 * quality control and the count-based tests.
 */
public final class VariantCounts {

    /** Counts per variant: 0, 1, 2 copies and missing among cases, then among controls. */
    static final int WIDTH = 8;

    private final VariantColumns variants;
    private final long[] counts;

    VariantCounts(List<VariantInfo> variants, long[] counts) {
        if (counts.length != variants.size() * WIDTH) {
            throw new IllegalArgumentException("counts do not match the variants");
        }
        // by column (a hospital's list already is, and is not copied); the list cannot be changed
        this.variants = VariantColumns.of(variants);
        this.counts = counts;
    }

    /** The site's variants in its file order; a variant's position here is its site-local index. */
    public List<VariantInfo> variants() {
        return variants;
    }

    /** The same list, by column. */
    VariantColumns columns() {
        return variants;
    }

    public int size() {
        return variants.size();
    }

    /** All counts, eight per variant (cases 0/1/2/missing, then controls), for the protocol; not copied. */
    long[] rawCounts() {
        return counts;
    }

    public GenotypeTally cases(int v) {
        return tally(counts, v * WIDTH);
    }

    public GenotypeTally controls(int v) {
        return tally(counts, v * WIDTH + 4);
    }

    /** The four counts (0, 1, 2 copies, missing) from {@code offset} of an array in this layout. */
    static GenotypeTally tally(long[] counts, int offset) {
        return new GenotypeTally(counts[offset], counts[offset + 1], counts[offset + 2], counts[offset + 3]);
    }

    /** Adds one sample's dosage (negative = missing) to variant {@code v}. */
    static void tally(long[] counts, int v, boolean isCase, byte dosage) {
        int o = v * WIDTH + (isCase ? 0 : 4);
        counts[o + (dosage < 0 ? 3 : dosage)]++;
    }

    static long[] newCounts(int variants) {
        return new long[variants * WIDTH];
    }
}
