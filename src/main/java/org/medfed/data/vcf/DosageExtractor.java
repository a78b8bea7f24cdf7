package org.medfed.data.vcf;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one record into compact biallelic dosage records (a byte per sample), reading its calls only when the
 * record is kept: a file is never held in memory as records.
 */
final class DosageExtractor {

    private final MultiAllelicPolicy policy;
    private final VcfReadStats stats;
    private final int sampleCount;

    DosageExtractor(MultiAllelicPolicy policy, VcfReadStats stats, List<String> samples) {
        this.policy = policy;
        this.stats = stats;
        this.sampleCount = samples.size();
    }

    /** Zero (skipped), one, or (split multi-allelic) several records, each counted in the statistics. */
    List<VariantRecord> extract(VcfSite site, RecordCalls calls) {
        stats.countRecord(site.contig());
        List<String> alts = site.alts();
        if (alts.isEmpty()) {
            stats.countNoAlt();
            return List.of();
        }
        if (sampleCount > 0 && !calls.hasGt()) {
            stats.countNoGenotype();
            return List.of();
        }
        if (alts.size() > 1) {
            stats.countMultiAllelic(policy == MultiAllelicPolicy.SKIP);
            if (policy == MultiAllelicPolicy.SKIP) {
                return List.of();
            }
        }
        // one allocation per row: a two-dimensional 'new' leaves compiled code for the JVM's slower runtime path
        byte[][] dosages = new byte[alts.size()][];
        for (int k = 0; k < dosages.length; k++) {
            dosages[k] = new byte[sampleCount];
        }
        if (sampleCount > 0) {
            calls.read(dosages, stats);
        }
        List<VariantRecord> out = new ArrayList<>(alts.size());
        for (int k = 0; k < alts.size(); k++) {
            stats.countVariant();
            out.add(new VariantRecord(site.contig(), site.position(), site.id(), site.ref(), alts.get(k), dosages[k]));
        }
        return out;
    }
}
