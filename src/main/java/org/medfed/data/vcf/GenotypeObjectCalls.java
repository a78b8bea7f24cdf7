package org.medfed.data.vcf;

import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import java.util.List;

/** The calls of a record htsjdk decoded (BCF), read from its Genotype objects. */
final class GenotypeObjectCalls implements RecordCalls {

    private final VariantContext vc;
    private final int sampleCount;

    GenotypeObjectCalls(VariantContext vc, int sampleCount) {
        this.vc = vc;
        this.sampleCount = sampleCount;
    }

    /** htsjdk gives a genotype without GT an empty allele list, whereas a written GT, even "./.", has one. */
    @Override
    public boolean hasGt() {
        for (int i = 0; i < sampleCount; i++) {
            if (vc.getGenotype(i).getPloidy() > 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void read(byte[][] dosages, VcfReadStats stats) {
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
