package org.medfed.data.vcf;

import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one htsjdk record into compact biallelic dosage records and forgets the htsjdk objects, so that a
 * file is never held in memory as VariantContexts. For VCF text the GT values are read from the line
 * ({@link GtColumnParser}); htsjdk's lazily decoded genotype objects are then never built.
 */
final class DosageExtractor {

    private final MultiAllelicPolicy policy;
    private final VcfReadStats stats;
    private final int sampleCount;

    private final String[] sampleNames;
    private final GtColumnParser.CallKinds kinds = new GtColumnParser.CallKinds();

    DosageExtractor(MultiAllelicPolicy policy, VcfReadStats stats, List<String> samples) {
        this.policy = policy;
        this.stats = stats;
        this.sampleCount = samples.size();
        this.sampleNames = samples.toArray(String[]::new);
    }

    /**
     * Zero (skipped), one, or (split multi-allelic) several records, each counted in the statistics.
     *
     * @param raw the record's text for VCF (genotypes are read from it directly), or null for BCF
     */
    List<VariantRecord> extract(VariantContext vc, VariantContextSource.RawRecord raw) {
        stats.countRecord(vc.getContig());
        List<Allele> alts = vc.getAlternateAlleles();
        if (alts.isEmpty()) {
            stats.countNoAlt();
            return List.of();
        }
        int gtIndex = -1;
        if (raw != null && sampleCount > 0) {
            gtIndex = raw.formatStart() < 0 ? -1 : GtColumnParser.gtIndex(raw.line(), raw.formatStart(), raw.end());
        }
        boolean hasGt = raw != null ? gtIndex >= 0 : hasGenotypeField(vc);
        if (sampleCount > 0 && !hasGt) {
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
        if (raw != null && sampleCount > 0) {
            kinds.clear();
            GtColumnParser.parse(raw.line(), raw.samplesStart(), raw.end(), gtIndex, alts.size(), dosages, kinds,
                    sampleNames);
            stats.countCalls(kinds);
        } else {
            fromGenotypeObjects(vc, dosages);
        }
        String id = vc.hasID() ? vc.getID() : ".";
        String ref = vc.getReference().getDisplayString();
        List<VariantRecord> out = new ArrayList<>(alts.size());
        for (int k = 0; k < alts.size(); k++) {
            stats.countVariant();
            out.add(new VariantRecord(vc.getContig(), vc.getStart(), id, ref, alts.get(k).getDisplayString(),
                    dosages[k]));
        }
        return out;
    }

    /** The htsjdk route, for BCF: genotypes decoded by htsjdk. */
    private void fromGenotypeObjects(VariantContext vc, byte[][] dosages) {
        List<Allele> alleles = vc.getAlleles();
        for (int i = 0; i < sampleCount; i++) {
            Genotype g = vc.getGenotype(i);
            List<Allele> called = g.getAlleles();
            int first = called.size() == 2 ? indexOf(alleles, called.get(0)) : -1;
            int second = called.size() == 2 ? indexOf(alleles, called.get(1)) : -1;
            if (first < 0 || second < 0) {
                boolean noCall = called.stream().allMatch(Allele::isNoCall) || called.size() == 2;
                stats.countCall(noCall ? VcfReadStats.CALL_MISSING : VcfReadStats.CALL_NOT_DIPLOID);
                for (byte[] d : dosages) {
                    d[i] = VariantRecord.MISSING;
                }
                continue;
            }
            stats.countCall(first == second ? (first == 0 ? 0 : 2) : 1);
            for (int k = 0; k < dosages.length; k++) {
                int alt = k + 1;
                dosages[k][i] = (byte) ((first == alt ? 1 : 0) + (second == alt ? 1 : 0));
            }
        }
    }

    /**
     * True when the record's FORMAT has GT. htsjdk gives a genotype without GT an empty allele list,
     * whereas a written GT, even "./.", gives at least one (no-call) allele.
     */
    private boolean hasGenotypeField(VariantContext vc) {
        for (int i = 0; i < sampleCount; i++) {
            if (vc.getGenotype(i).getPloidy() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Index among the record's alleles (0 = reference), or -1 for a no-call. */
    private static int indexOf(List<Allele> alleles, Allele allele) {
        if (allele.isNoCall()) {
            return -1;
        }
        for (int i = 0; i < alleles.size(); i++) {
            // htsjdk hands out the record's own Allele objects, so identity usually settles it
            if (alleles.get(i) == allele || alleles.get(i).equals(allele, true)) {
                return i;
            }
        }
        return -1;
    }
}
