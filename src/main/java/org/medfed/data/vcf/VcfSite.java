package org.medfed.data.vcf;

import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.VariantContext;
import java.util.List;

/**
 * The site columns of one VCF record that a reader needs: where it is and its alleles, bases in upper case.
 *
 * @param contig the CHROM column
 * @param position the POS column
 * @param id the ID column, "." when absent
 * @param ref the reference allele
 * @param alts the alternate alleles in the file's order; empty when ALT is "."
 */
record VcfSite(String contig, int position, String id, String ref, List<String> alts) {

    /** The site of a record decoded by htsjdk (BCF). */
    static VcfSite of(VariantContext vc) {
        return new VcfSite(vc.getContig(), vc.getStart(), vc.hasID() ? vc.getID() : ".",
                vc.getReference().getDisplayString(),
                vc.getAlternateAlleles().stream().map(Allele::getDisplayString).toList());
    }
}
