package org.medfed.data.vcf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the reader met and what it did about it, so that nothing is dropped silently: every skipped
 * record and every call treated as missing is counted here and shown in reports.
 */
public final class VcfReadStats {

    private long records;
    private long variants;
    private long multiAllelicRecords;
    private long multiAllelicSkipped;
    private long noGenotypeRecords;
    private long noAltRecords;
    private long calls;
    private long missingCalls;
    private long nonDiploidCalls;
    private long homRef;
    private long het;
    private long homAlt;
    private final Map<String, Long> recordsPerContig = new LinkedHashMap<>();

    void countRecord(String contig) {
        records++;
        recordsPerContig.merge(contig, 1L, Long::sum);
    }

    void countMultiAllelic(boolean skipped) {
        multiAllelicRecords++;
        if (skipped) {
            multiAllelicSkipped++;
        }
    }

    void countNoGenotype() {
        noGenotypeRecords++;
    }

    void countNoAlt() {
        noAltRecords++;
    }

    void countVariant() {
        variants++;
    }

    /**
     * One sample's call at a record, counted once per record (not per split allele): 0 both alleles
     * reference, 1 two different alleles (0/1, 0/2, 1/2), 2 the same alternate allele twice (1/1, 2/2).
     */
    void countCall(int kind) {
        calls++;
        switch (kind) {
            case 0 -> homRef++;
            case 1 -> het++;
            case 2 -> homAlt++;
            case CALL_MISSING -> missingCalls++;
            case CALL_NOT_DIPLOID -> {
                missingCalls++;
                nonDiploidCalls++;
            }
            default -> throw new IllegalArgumentException("call kind " + kind);
        }
    }

    /** A record's calls counted by {@link GtColumnParser}, as {@link #countCall} one by one would. */
    void countCalls(GtColumnParser.CallKinds kinds) {
        homRef += kinds.homRef;
        het += kinds.het;
        homAlt += kinds.homAlt;
        missingCalls += kinds.missing + kinds.notDiploid;
        nonDiploidCalls += kinds.notDiploid;
        calls += kinds.homRef + kinds.het + kinds.homAlt + kinds.missing + kinds.notDiploid;
    }

    static final int CALL_MISSING = -1;
    static final int CALL_NOT_DIPLOID = -2;

    /** Data lines (records) read. */
    public long records() {
        return records;
    }

    /** Biallelic variants handed out (after splitting or skipping). */
    public long variants() {
        return variants;
    }

    /** Records with more than one alternate allele. */
    public long multiAllelicRecords() {
        return multiAllelicRecords;
    }

    /** Multi-allelic records left out because the policy was SKIP. */
    public long multiAllelicSkipped() {
        return multiAllelicSkipped;
    }

    /** Records with samples but no GT field: skipped, since a genotype is not guessed from other fields. */
    public long noGenotypeRecords() {
        return noGenotypeRecords;
    }

    /** Records whose ALT is "." (no alternate allele): skipped. */
    public long noAltRecords() {
        return noAltRecords;
    }

    /** Sample calls looked at, in records that were kept (one per sample and record). */
    public long calls() {
        return calls;
    }

    /** Calls that are missing (./., ./1) or not diploid. */
    public long missingCalls() {
        return missingCalls;
    }

    /** Calls with a ploidy other than 2 (haploid X/Y/MT calls); they are treated as missing. */
    public long nonDiploidCalls() {
        return nonDiploidCalls;
    }

    public long homRefCalls() {
        return homRef;
    }

    public long hetCalls() {
        return het;
    }

    public long homAltCalls() {
        return homAlt;
    }

    /** Fraction of calls that are missing, or 0 when there are no calls. */
    public double missingRate() {
        return calls == 0 ? 0.0 : (double) missingCalls / calls;
    }

    /** Records per contig, in the order the contigs appear. */
    public Map<String, Long> recordsPerContig() {
        return Collections.unmodifiableMap(recordsPerContig);
    }
}
