package org.medfed.analytics.gwas;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.RandomAccess;
import java.util.stream.IntStream;
import org.medfed.data.vcf.ChromosomeOrder;

/**
 * The variants present at every site, held by column for the whole of a study: their descriptions
 * ({@link VariantColumns}), where each site keeps each of them, and their genotype counts summed over sites. As
 * records, 100,000 variants were about 700,000 objects (a record, its site indexes, two tallies, a description and
 * its ID) kept for the whole study; here they are a few arrays, whatever the number of variants. A
 * {@link StudyVariant} is made when one is asked for.
 */
final class StudyVariants extends AbstractList<StudyVariant> implements RandomAccess {

    private final VariantColumns info;
    private final int sites;
    /** Variant v's index at site s is {@code siteIndex[v * sites + s]}. */
    private final int[] siteIndex;
    /** {@link VariantCounts#WIDTH} per variant: cases' 0/1/2 copies and missing, then the controls'. */
    private final long[] tallies;

    private StudyVariants(VariantColumns info, int sites, int[] siteIndex, long[] tallies) {
        this.info = info;
        this.sites = sites;
        this.siteIndex = siteIndex;
        this.tallies = tallies;
    }

    @Override
    public StudyVariant get(int v) {
        return new StudyVariant(info.get(v), Arrays.copyOfRange(siteIndex, v * sites, (v + 1) * sites), cases(v),
                controls(v));
    }

    @Override
    public int size() {
        return info.size();
    }

    /** Where site {@code s} keeps variant {@code v}. */
    int siteIndex(int v, int s) {
        return siteIndex[v * sites + s];
    }

    GenotypeTally cases(int v) {
        return VariantCounts.tally(tallies, v * VariantCounts.WIDTH);
    }

    GenotypeTally controls(int v) {
        return VariantCounts.tally(tallies, v * VariantCounts.WIDTH + 4);
    }

    /** The variants at {@code rows}, in that order. */
    StudyVariants select(int[] rows) {
        int[] index = new int[rows.length * sites];
        long[] counts = new long[rows.length * VariantCounts.WIDTH];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(siteIndex, rows[i] * sites, index, i * sites, sites);
            System.arraycopy(tallies, rows[i] * VariantCounts.WIDTH, counts, i * VariantCounts.WIDTH,
                    VariantCounts.WIDTH);
        }
        return new StudyVariants(info.select(rows), sites, index, counts);
    }

    /** The same variants by chromosome ({@link ChromosomeOrder}), position, reference and alternate allele. */
    StudyVariants inGenomeOrder() {
        Comparator<Integer> order = Comparator.<Integer, String>comparing(info::chrom, ChromosomeOrder.INSTANCE)
                .thenComparingInt(info::position).thenComparing(info::ref).thenComparing(info::alt);
        return select(IntStream.range(0, size()).boxed().sorted(order).mapToInt(Integer::intValue).toArray());
    }

    /** Collects the variants one by one. */
    static final class Builder {
        private final int sites;
        private final VariantColumns.Builder info;
        private int size;
        private int[] siteIndex;
        private long[] tallies;

        Builder(int sites, int expected) {
            this.sites = sites;
            int capacity = Math.max(16, expected);
            info = new VariantColumns.Builder(capacity);
            siteIndex = new int[capacity * sites];
            tallies = new long[capacity * VariantCounts.WIDTH];
        }

        /**
         * Adds variant {@code at} of {@code described} as the next, kept at each site where {@code index} says,
         * with {@code counts} summed over sites ({@link VariantCounts#WIDTH} of them, in its layout).
         */
        void add(VariantColumns described, int at, int[] index, long[] counts) {
            if ((size + 1) * sites > siteIndex.length) {
                siteIndex = Arrays.copyOf(siteIndex, siteIndex.length * 2);
                tallies = Arrays.copyOf(tallies, tallies.length * 2);
            }
            info.add(described, at);
            System.arraycopy(index, 0, siteIndex, size * sites, sites);
            System.arraycopy(counts, 0, tallies, size * VariantCounts.WIDTH, VariantCounts.WIDTH);
            size++;
        }

        StudyVariants build() {
            return new StudyVariants(info.build(), sites, Arrays.copyOf(siteIndex, size * sites),
                    Arrays.copyOf(tallies, size * VariantCounts.WIDTH));
        }
    }
}
