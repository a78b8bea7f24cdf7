package org.medfed.analytics.gwas;

import java.util.Collections;
import java.util.List;

/**
 * A site's genotype counts per variant, split by phenotype (cases / controls; for a quantitative
 * phenotype every sample is tallied as a control): the only genotype information a site releases for
 * quality control and the count-based tests.
 */
public final class VariantCounts {

    /** Counts per variant: 0, 1, 2 copies and missing among cases, then among controls. */
    static final int WIDTH = 8;

    private final List<VariantInfo> variants;
    private final long[] counts;

    VariantCounts(List<VariantInfo> variants, long[] counts) {
        if (counts.length != variants.size() * WIDTH) {
            throw new IllegalArgumentException("counts do not match the variants");
        }
        // not copied: the callers hand over lists they no longer change, and a copy of a hospital's
        // VariantColumns would make a record of each of its variants
        this.variants = Collections.unmodifiableList(variants);
        this.counts = counts;
    }

    /** The site's variants in its file order; a variant's position here is its site-local index. */
    public List<VariantInfo> variants() {
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
        int o = v * WIDTH;
        return new GenotypeTally(counts[o], counts[o + 1], counts[o + 2], counts[o + 3]);
    }

    public GenotypeTally controls(int v) {
        int o = v * WIDTH + 4;
        return new GenotypeTally(counts[o], counts[o + 1], counts[o + 2], counts[o + 3]);
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
