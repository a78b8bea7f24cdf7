package org.medfed.analytics.gwas;

import java.util.List;
import java.util.function.IntFunction;
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
        VariantColumns variants = counts.columns();
        long[] positions = new long[variants.size()];
        // each column's lines built in place, in a builder of the size the lines take: a guess made it grow, copying
        // what it held each time (an ID's bytes are at least its characters)
        int size = variants.size();
        StringBuilder chrom = new StringBuilder(textLength(size, variants::chrom));
        StringBuilder id = new StringBuilder(variants.idBytes() + size);
        StringBuilder ref = new StringBuilder(textLength(size, variants::ref));
        StringBuilder alt = new StringBuilder(textLength(size, variants::alt));
        for (int v = 0; v < size; v++) {
            positions[v] = variants.position(v);
            GwasFields.appendLine(chrom, variants.chrom(v), CHROM, v);
            GwasFields.appendLine(id, variants.id(v), ID, v);
            GwasFields.appendLine(ref, variants.ref(v), REF, v);
            GwasFields.appendLine(alt, variants.alt(v), ALT, v);
        }
        return Params.builder().longs(POSITION, positions).text(CHROM, chrom.toString()).text(ID, id.toString())
                .text(REF, ref.toString()).text(ALT, alt.toString()).longs(COUNTS, counts.rawCounts()).build();
    }

    /** The characters of {@code size} values one per line. */
    private static int textLength(int size, IntFunction<String> value) {
        int length = size;
        for (int v = 0; v < size; v++) {
            length += value.apply(v).length();
        }
        return length;
    }

    static VariantCounts counts(Params p) {
        int[] positions = GwasFields.ints(p, POSITION);
        int n = positions.length;
        SharedTexts texts = new SharedTexts();
        List<String> chrom = GwasFields.lines(p, CHROM, n, texts::of);
        List<String> ref = GwasFields.lines(p, REF, n, texts::of);
        List<String> alt = GwasFields.lines(p, ALT, n, texts::of);
        // by column: a record, an ID String and its bytes per variant would be three objects per variant of every
        // hospital until the coordinator has joined the lists
        VariantColumns.Builder variants = new VariantColumns.Builder(n);
        GwasFields.utf8Lines(p, ID, n, (v, bytes, from, length) -> variants.add(chrom.get(v), positions[v], bytes, from,
                length, ref.get(v), alt.get(v)));
        long[] counts = p.longs(COUNTS);
        if (counts.length != (long) n * VariantCounts.WIDTH) {
            throw new ProtocolException("field '" + COUNTS + "' holds " + counts.length + " counts for " + n
                    + " variants, expected " + VariantCounts.WIDTH + " per variant");
        }
        return new VariantCounts(variants.build(), counts);
    }
}
