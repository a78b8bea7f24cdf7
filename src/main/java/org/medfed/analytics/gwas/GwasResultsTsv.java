package org.medfed.analytics.gwas;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medfed.io.AtomicFiles;
import org.medfed.io.FileProblem;

/**
 * The results table, one tab-separated line per tested variant in genome order. Numbers are written in
 * full precision ("NA" when there is none) so that the file can be compared and re-analysed exactly.
 */
public final class GwasResultsTsv {

    private GwasResultsTsv() {
    }

    /** Writes the table atomically: a full disk or a crash leaves no half table. */
    public static void write(GwasResult result, Path file) {
        StringWriter out = new StringWriter();
        try {
            out.write(header(result.settings().test()));
            for (AssociationResult r : result.results()) {
                VariantInfo v = r.variant();
                out.write(String.join("\t", v.chrom(), Integer.toString(v.position()), v.id(), v.ref(), v.alt(),
                        number(r.altFrequency()), Long.toString(r.n()), number(r.effect()), number(r.se()),
                        number(r.statistic()), number(r.p()), number(r.negLog10P()),
                        r.note().isEmpty() ? "." : r.note()));
                out.write('\n');
            }
            AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw FileProblem.of(file, "could not be written", e);
        }
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

    static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "NA";
    }
}
