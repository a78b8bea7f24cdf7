package org.medfed.analytics.gwas;

/**
 * Genotype counts of one group at one variant: the whole of what the count-based tests, allele frequency,
 * call rate and the Hardy-Weinberg test need, and all that a hospital reveals for them.
 */
public record GenotypeTally(long homRef, long het, long homAlt, long missing) {

    public static final GenotypeTally EMPTY = new GenotypeTally(0, 0, 0, 0);

    public GenotypeTally plus(GenotypeTally o) {
        return new GenotypeTally(homRef + o.homRef, het + o.het, homAlt + o.homAlt, missing + o.missing);
    }

    /** Samples with a genotype. */
    public long called() {
        return homRef + het + homAlt;
    }

    /** Copies of the alternate allele among called samples. */
    public long altAlleles() {
        return het + 2 * homAlt;
    }

    /** Copies of the reference allele among called samples. */
    public long refAlleles() {
        return het + 2 * homRef;
    }
}
