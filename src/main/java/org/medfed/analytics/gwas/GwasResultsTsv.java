package org.medfed.analytics.gwas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The results table, one tab-separated line per tested variant in genome order. Numbers are written in
 * full precision ("NA" when there is none) so that the file can be compared and re-analysed exactly.
 */
public final class GwasResultsTsv {

    private GwasResultsTsv() {
    }

    public static void write(GwasResult result, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header(result.settings().test()));
            for (AssociationResult r : result.results()) {
                VariantInfo v = r.variant();
                out.write(String.join("\t", v.chrom(), Integer.toString(v.position()), v.id(), v.ref(), v.alt(),
                        number(r.altFrequency()), Long.toString(r.n()), number(r.effect()), number(r.se()),
                        number(r.statistic()), number(r.p()), number(r.negLog10P()),
                        r.note().isEmpty() ? "." : r.note()));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
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
