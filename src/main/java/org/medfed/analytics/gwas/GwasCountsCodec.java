package org.medfed.analytics.gwas;

import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProtocolException;

/**
 * The {@code gwas.counts} reply: a hospital's variants (contig, position, id, alleles, in its file order) and eight
 * genotype counts per variant as 64-bit integers. The request carries nothing.
 */
final class GwasCountsCodec {

    private static final String CHROM = "chrom";
    private static final String POSITION = "position";
    private static final String ID = "id";
    private static final String REF = "ref";
    private static final String ALT = "alt";
    private static final String COUNTS = "counts";

    private GwasCountsCodec() {
    }

    static Params reply(VariantCounts counts) {
        List<VariantInfo> variants = counts.variants();
        long[] positions = new long[variants.size()];
        List<String> chrom = new ArrayList<>(variants.size());
        List<String> id = new ArrayList<>(variants.size());
        List<String> ref = new ArrayList<>(variants.size());
        List<String> alt = new ArrayList<>(variants.size());
        for (int v = 0; v < variants.size(); v++) {
            VariantInfo info = variants.get(v);
            positions[v] = info.position();
            chrom.add(info.chrom());
            id.add(info.id());
            ref.add(info.ref());
            alt.add(info.alt());
        }
        return Params.builder().longs(POSITION, positions).text(CHROM, GwasFields.lines(chrom, CHROM))
                .text(ID, GwasFields.lines(id, ID)).text(REF, GwasFields.lines(ref, REF))
                .text(ALT, GwasFields.lines(alt, ALT)).longs(COUNTS, counts.rawCounts()).build();
    }

    static VariantCounts counts(Params p) {
        int[] positions = GwasFields.ints(p, POSITION);
        int n = positions.length;
        SharedTexts texts = new SharedTexts();
        List<String> chrom = GwasFields.lines(p, CHROM, n, texts::of);
        List<String> id = GwasFields.lines(p, ID, n, SharedTexts::unique);
        List<String> ref = GwasFields.lines(p, REF, n, texts::of);
        List<String> alt = GwasFields.lines(p, ALT, n, texts::of);
        List<VariantInfo> variants = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            variants.add(new VariantInfo(chrom.get(v), positions[v], id.get(v), ref.get(v), alt.get(v)));
        }
        long[] counts = p.longs(COUNTS);
        if (counts.length != (long) n * VariantCounts.WIDTH) {
            throw new ProtocolException("field '" + COUNTS + "' holds " + counts.length + " counts for " + n
                    + " variants, expected " + VariantCounts.WIDTH + " per variant");
        }
        return new VariantCounts(variants, counts);
    }
}
