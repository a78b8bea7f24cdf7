package org.medfed.runreport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.medfed.analytics.gwas.GwasRunner;
import org.medfed.analytics.gwas.GwasSummaryText;
import org.medfed.engine.BadInputException;
import org.medfed.io.OutputFolder;

/**
 * A finished association study ({@code medfed gwas}, or the workbench's) as one self-contained HTML page: what was
 * tested and on whom (the study's own summary, with its quality control and inflation factor), the variants
 * below the significance threshold and the smallest p-values, and the Manhattan and Q-Q plots inside the page.
 * Built from the study's output folder alone; the full table stays in {@code results.tsv}.
 */
public final class GwasReport {

    /** The sections every association report has, by element id, in order. */
    public static final List<String> SECTIONS = List.of("summary", "hits", "plots");

    /** Rows of the table of smallest p-values, hits or not, so that a study without hits still shows its best. */
    public static final int TOP = 20;


    private GwasReport() {
    }

    static String html(Path dir) {
        OutputFolder.Finished finished = OutputFolder.finished(dir);
        String summary = read(dir.resolve(GwasRunner.SUMMARY));
        Table table = table(dir.resolve(GwasRunner.RESULTS));
        double threshold = threshold(summary, dir.resolve(GwasRunner.SUMMARY));
        String title = summary.lines().findFirst().orElse("Federated association study");
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>").append(StudyReport.CSS).append("</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"muted\">Finished ").append(esc(StudyReport.readableTime(finished.at())))
                .append(" · folder ").append(esc(dir.toAbsolutePath().normalize().toString())).append("</p>\n");
        h.append("<section id=\"summary\"><h2>What was tested, on whom</h2><p>Each hospital sent counts and regression "
                + "sums, never genotypes; the statistics equal those of the pooled analysis. The study's own summary ("
                + GwasRunner.SUMMARY + "):</p><pre>").append(esc(summary)).append("</pre></section>\n");
        hits(h, table, threshold);
        h.append("<section id=\"plots\"><h2>Plots</h2>");
        h.append(image(dir.resolve(GwasRunner.MANHATTAN), "plot-manhattan",
                "Manhattan plot: -log10 p of every tested variant along the genome"));
        h.append(image(dir.resolve(GwasRunner.QQ), "plot-qq",
                "Q-Q plot: observed against expected -log10 p under no association"));
        h.append("</section>\n</body></html>\n");
        return h.toString();
    }

    private static void hits(StringBuilder h, Table table, double threshold) {
        List<String[]> tested = new ArrayList<>(table.rows.stream().filter(r -> !Double.isNaN(p(r))).toList());
        tested.sort(Comparator.comparingDouble(GwasReport::p));
        long hits = tested.stream().filter(r -> p(r) < threshold).count();
        h.append("<section id=\"hits\"><h2>Hits and smallest p-values</h2><p>")
                .append(hits == 0 ? "No variant" : hits == 1 ? "One variant" : hits + " variants")
                .append(" of ").append(tested.size()).append(" tested reached p &lt; ").append(esc(sci(threshold)))
                .append(". The ").append(Math.min(TOP, tested.size())).append(" smallest p-values, in order")
                .append(hits == 0 ? "" : " (hits in bold)").append("; every variant, and why any was not tested, is in ")
                .append(GwasRunner.RESULTS).append(".</p>");
        h.append("<table><tr><th>Variant</th><th>Position</th><th>Alleles (ref &gt; alt)</th>"
                + "<th class=\"num\">Alt. allele frequency</th><th class=\"num\">Samples</th><th class=\"num\">")
                .append(esc(table.effect)).append("</th><th class=\"num\">SE</th><th class=\"num\">p</th></tr>");
        for (String[] r : tested.subList(0, Math.min(TOP, tested.size()))) {
            h.append(p(r) < threshold ? "<tr class=\"total\">" : "<tr>")
                    .append("<td>").append(esc(r[2])).append("</td><td>").append(esc(r[0] + ":" + r[1]))
                    .append("</td><td>").append(esc(r[3] + " > " + r[4])).append("</td><td class=\"num\">")
                    .append(fixed(r[5])).append("</td><td class=\"num\">").append(esc(r[6])).append("</td><td class=\"num\">")
                    .append(fixed(r[7])).append("</td><td class=\"num\">").append(fixed(r[8]))
                    .append("</td><td class=\"num\">").append(esc(sci(p(r)))).append("</td></tr>");
        }
        h.append("</table></section>\n");
    }

    private record Table(String effect, List<String[]> rows) {
    }

    private static final List<String> FIRST = List.of("CHROM", "POS", "ID", "REF", "ALT", "ALT_FREQ", "N");
    private static final int COLUMNS = 13;

    private static Table table(Path file) {
        List<String> lines = read(file).lines().toList();
        if (lines.isEmpty()) {
            throw new BadInputException(file, null, "is empty: it should start with the header CHROM, POS, ID...");
        }
        String[] header = lines.get(0).split("\t", -1);
        if (header.length != COLUMNS || !List.of(header).subList(0, FIRST.size()).equals(FIRST)
                || !"P".equals(header[10])) {
            throw new BadInputException(file, "line 1", "is not the results table of an association study: expected "
                    + COLUMNS + " tab-separated columns " + String.join(", ", FIRST) + ", EFFECT, SE, STATISTIC, P, "
                    + "NEG_LOG10_P, NOTE");
        }
        List<String[]> rows = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            String[] r = lines.get(i).split("\t", -1);
            if (r.length != COLUMNS) {
                throw new BadInputException(file, "line " + (i + 1), "has " + r.length + " columns where the header has "
                        + COLUMNS);
            }
            rows.add(r);
        }
        return new Table(header[7], rows);
    }

    private static double threshold(String summary, Path file) {
        String start = GwasSummaryText.THRESHOLD;
        String line = summary.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() ->
                new BadInputException(file, null, "has no line '" + start + "...': it is not the summary of an "
                        + "association study"));
        try {
            return Double.parseDouble(line.substring(start.length()).trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(file, null, "its line '" + line + "' does not end in a number", e);
        }
    }

    private static double p(String[] row) {
        return number(row[10]);
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN; // "NA": the note says why the variant was not tested
        }
    }

    private static String fixed(String s) {
        double v = number(s);
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String image(Path png, String id, String alt) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(png);
        } catch (IOException e) {
            throw new BadInputException(png, null, "could not be read: " + e.getMessage(), e);
        }
        return "<figure><img id=\"" + id + "\" alt=\"" + esc(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(bytes) + "\"><figcaption class=\"muted\">" + esc(alt)
                + "</figcaption></figure>";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file, null, "could not be read: " + e.getMessage(), e);
        }
    }

    private static String esc(String s) {
        return StudyReport.esc(s);
    }
}
