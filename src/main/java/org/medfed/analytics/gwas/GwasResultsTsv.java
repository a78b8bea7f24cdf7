package org.medfed.analytics.gwas;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medfed.io.AtomicFiles;
import org.medfed.io.DecimalText;
import org.medfed.io.FileProblem;

/**
 * The results table, one tab-separated line per tested variant in genome order. Numbers are written in
 * full precision ("NA" when there is none) so that the file can be compared and re-analysed exactly.
 */
public final class GwasResultsTsv {

    private GwasResultsTsv() {
    }

    /** Lines are encoded and written by about this many characters (the whole table would be 14 MB thrice over). */
    private static final int PIECE = 1 << 16;

    /** Writes the table atomically: a full disk or a crash leaves no half table. */
    public static void write(GwasResult result, Path file) {
        try {
            AtomicFiles.write(file, stream -> write(result, stream));
        } catch (IOException e) {
            throw FileProblem.of(file, "could not be written", e);
        }
    }

    private static void write(GwasResult result, OutputStream stream) throws IOException {
        // one builder, written in pieces
        StringBuilder out = new StringBuilder(PIECE + 1024);
        out.append(header(result.settings().test()));
        for (AssociationResult r : result.results()) {
            if (out.length() >= PIECE) {
                stream.write(out.toString().getBytes(StandardCharsets.UTF_8));
                out.setLength(0);
            }
            VariantInfo v = r.variant();
            out.append(v.chrom()).append('\t').append(v.position()).append('\t').append(v.id()).append('\t')
                    .append(v.ref()).append('\t').append(v.alt());
            number(out, r.altFrequency());
            out.append('\t').append(r.n());
            number(out, r.effect());
            number(out, r.se());
            number(out, r.statistic());
            number(out, r.p());
            number(out, r.negLog10P());
            out.append('\t').append(r.note().isEmpty() ? "." : r.note()).append('\n');
        }
        stream.write(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String header(AssociationTest test) {
        String stat = switch (test) {
            case ALLELIC, TREND -> "CHISQ";
            case LOGISTIC -> "Z";
            case LINEAR -> "T";
        };
        return String.join("\t", "CHROM", "POS", "ID", "REF", "ALT", "ALT_FREQ", "N", test.effectName(),
                "SE", stat, "P", "NEG_LOG10_P", "NOTE") + "\n";
    }

    /** A tab and the number in full precision (the shortest form that reads back the same), or NA. */
    private static void number(StringBuilder out, double x) {
        out.append('\t');
        if (Double.isFinite(x)) {
            DecimalText.append(out, x);
        } else {
            out.append("NA");
        }
    }
}
