package org.medfed.analytics.gwas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.medfed.concurrency.InOrder;
import org.medfed.concurrency.PiecesInOrder;
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

    /** Lines per piece: each piece's text is about 150 KB, made at once and written whole. */
    private static final int LINES_PER_PIECE = 1024;

    /** Writes the table atomically: a full disk or a crash leaves no half table. */
    public static void write(GwasResult result, Path file) {
        write(result, file, InOrder.HERE, 0);
    }

    /**
     * As {@link #write(GwasResult, Path)}, the lines formatted also by up to {@code helpers} tasks of
     * {@code executor} (formatting six numbers a line in their shortest decimals is most of the time this takes),
     * and written in order by this thread.
     */
    public static void write(GwasResult result, Path file, Executor executor, int helpers) {
        List<AssociationResult> rows = result.results();
        int pieces = (rows.size() + LINES_PER_PIECE - 1) / LINES_PER_PIECE;
        try {
            AtomicFiles.write(file, stream -> {
                stream.write(header(result.settings().test()).getBytes(StandardCharsets.UTF_8));
                PiecesInOrder.run(pieces, piece -> lines(rows, piece * LINES_PER_PIECE,
                        Math.min(rows.size(), (piece + 1) * LINES_PER_PIECE)), executor, helpers, stream::write);
            });
        } catch (IOException e) {
            throw FileProblem.of(file, "could not be written", e);
        }
    }

    /** The lines of {@code rows} from {@code from} to {@code to}, in UTF-8. */
    private static byte[] lines(List<AssociationResult> rows, int from, int to) {
        StringBuilder out = new StringBuilder((to - from) * 160);
        for (AssociationResult r : rows.subList(from, to)) {
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
        return out.toString().getBytes(StandardCharsets.UTF_8);
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
