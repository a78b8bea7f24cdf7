package org.medfed.data.vcf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.medfed.data.csv.CsvNumber;

/**
 * Reads the eight site columns of a VCF text line (CHROM to INFO) from its bytes and checks them against the
 * VCF specification, keeping what a reader needs ({@link VcfSite}).
 *
 * <p>Hand-written on purpose: htsjdk's codec built a String of the line, split it, created Allele objects, parsed
 * QUAL and every INFO entry into a map and validated a VariantContext, for each record: 39 % of a reading
 * thread's time on a VCF of 500 samples, more than reading its genotypes. QUAL, FILTER and INFO are checked for
 * their form only, since nothing downstream reads them.
 */
final class SiteColumnsParser {

    /** Thrown with a reason when a site column is not valid; the reader adds file and line. */
    static final class BadSite extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadSite(String message) {
            super(message, null, false, false);
        }
    }

    /** Single-base alleles, the usual case, shared instead of a String per record. */
    private static final String[] ONE_BASE = new String[128];

    static {
        for (char c : "ACGTN".toCharArray()) {
            ONE_BASE[c] = String.valueOf(c);
            ONE_BASE[Character.toLowerCase(c)] = ONE_BASE[c];
        }
    }

    /** The contig of the record before: most records share it, so its String is reused. */
    private byte[] lastContigBytes = new byte[0];
    private String lastContig;

    /**
     * The site of {@code line[from, siteEnd)}, whose POS column was already read as {@code position}.
     *
     * @param tabs where the first seven tabs of the line are (the ends of CHROM to FILTER)
     */
    VcfSite parse(byte[] line, int from, int siteEnd, int[] tabs, int position) {
        String contig = contig(line, from, tabs[0]);
        int idStart = tabs[1] + 1;
        requireNotEmpty(idStart, tabs[2], "ID", "an identifier such as rs123, or '.' when there is none");
        String id = new String(line, idStart, tabs[2] - idStart, StandardCharsets.UTF_8);
        int refStart = tabs[2] + 1;
        String ref = ref(line, refStart, tabs[3]);
        List<String> alts = alts(line, tabs[3] + 1, tabs[4], ref);
        checkQual(line, tabs[4] + 1, tabs[5]);
        requireNotEmpty(tabs[5] + 1, tabs[6], "FILTER", "PASS, the names of failed filters, or '.'");
        checkInfo(line, tabs[6] + 1, siteEnd);
        return new VcfSite(contig, position, id, ref, alts);
    }

    private String contig(byte[] line, int from, int to) {
        if (to == from) {
            throw new BadSite("column CHROM is empty, expected a contig name such as 1 or chr1");
        }
        if (lastContig == null || !Arrays.equals(lastContigBytes, 0, lastContigBytes.length, line, from, to)) {
            lastContigBytes = Arrays.copyOfRange(line, from, to);
            lastContig = new String(lastContigBytes, StandardCharsets.UTF_8);
        }
        return lastContig;
    }

    private static void requireNotEmpty(int from, int to, String column, String expected) {
        if (to == from) {
            throw new BadSite("column " + column + " is empty, expected " + expected);
        }
    }

    private static String ref(byte[] line, int from, int to) {
        if (to - from == 1 && line[from] == '.') {
            throw new BadSite("column REF is '.', expected the reference bases (A, C, G, T or N): "
                    + "the reference allele cannot be missing");
        }
        if (to == from || !bases(line, from, to)) {
            throw new BadSite("column REF is '" + shorten(line, from, to) + "', expected the reference bases "
                    + "(A, C, G, T or N)");
        }
        return upperBases(line, from, to);
    }

    private static List<String> alts(byte[] line, int from, int to, String ref) {
        if (to - from == 1 && line[from] == '.') {
            return List.of();
        }
        List<String> alts = new ArrayList<>(1);
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i < to && line[i] != ',') {
                continue;
            }
            String alt = alt(line, start, i, from, to);
            if (alt.equals(ref) || alts.contains(alt)) {
                throw new BadSite("column ALT is '" + shorten(line, from, to) + "': allele " + alt
                        + " is given twice (REF and ALT alleles must all differ)");
            }
            alts.add(alt);
            start = i + 1;
        }
        return alts;
    }

    /** One ALT allele: bases, '*' (a deletion upstream), a symbolic allele such as {@code <DEL>}, or a breakend. */
    private static String alt(byte[] line, int start, int end, int columnStart, int columnEnd) {
        if (end > start && (bases(line, start, end) || (end - start == 1 && line[start] == '*'))) {
            return upperBases(line, start, end);
        }
        if (end - start > 2 && line[start] == '<' && line[end - 1] == '>' && noSeparator(line, start, end)) {
            return new String(line, start, end - start, StandardCharsets.UTF_8);
        }
        if (end - start > 1 && breakend(line, start, end)) {
            return new String(line, start, end - start, StandardCharsets.UTF_8);
        }
        throw new BadSite("column ALT is '" + shorten(line, columnStart, columnEnd) + "', expected '.' or alleles "
                + "separated by commas, each of bases (A, C, G, T or N), '*', a symbolic allele such as <DEL>, or a "
                + "breakend; " + (end == start ? "one of them is empty" : "'" + shorten(line, start, end) + "' is none of these"));
    }

    /** A breakend: bases with a mate in brackets ({@code G]17:198982]}) or a single breakend ({@code .A}, {@code G.}). */
    private static boolean breakend(byte[] line, int start, int end) {
        for (int i = start; i < end; i++) {
            if (line[i] == '[' || line[i] == ']') {
                return noSeparator(line, start, end);
            }
        }
        return (line[start] == '.' && bases(line, start + 1, end)) || (line[end - 1] == '.' && bases(line, start, end - 1));
    }

    private static boolean noSeparator(byte[] line, int start, int end) {
        for (int i = start; i < end; i++) {
            if (line[i] == ' ' || line[i] == ',') {
                return false;
            }
        }
        return true;
    }

    private static boolean bases(byte[] line, int from, int to) {
        if (to == from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            switch (line[i]) {
                case 'A', 'C', 'G', 'T', 'N', 'a', 'c', 'g', 't', 'n' -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    private static String upperBases(byte[] line, int from, int to) {
        if (to - from == 1 && line[from] != '*') {
            return ONE_BASE[line[from]];
        }
        byte[] upper = Arrays.copyOfRange(line, from, to);
        for (int i = 0; i < upper.length; i++) {
            if (upper[i] >= 'a' && upper[i] <= 'z') {
                upper[i] -= 'a' - 'A';
            }
        }
        return new String(upper, StandardCharsets.US_ASCII);
    }

    /**
     * QUAL: '.' or a Phred quality, a number of 0 or more (-1 too, which VCF 3 wrote for a missing one; NaN and Inf
     * as C's printf writes them).
     */
    private static void checkQual(byte[] line, int from, int to) {
        if (to - from == 1 && line[from] == '.') {
            return;
        }
        String text = new String(line, from, to - from, StandardCharsets.US_ASCII);
        if (!CsvNumber.looksNumeric(text)) {
            throw new BadSite("column QUAL is '" + shorten(line, from, to) + "', expected a number (the quality) or '.'");
        }
        if (text.startsWith("-") && CsvNumber.anyValue(text) != -1) {
            throw new BadSite("column QUAL is '" + shorten(line, from, to) + "', expected a quality of 0 or more, or '.'");
        }
    }

    /** INFO: '.' or entries separated by semicolons, without whitespace. */
    private static void checkInfo(byte[] line, int from, int to) {
        if (to == from) {
            throw new BadSite("column INFO is empty, expected '.' or entries such as DP=14;AF=0.5");
        }
        for (int i = from; i < to; i++) {
            if (line[i] == ' ') {
                throw new BadSite("column INFO is '" + shorten(line, from, to) + "', which holds a space; expected "
                        + "'.' or entries such as DP=14;AF=0.5 without whitespace");
            }
        }
    }

    private static String shorten(byte[] line, int from, int to) {
        String text = new String(line, from, Math.min(to - from, 60), StandardCharsets.UTF_8);
        return to - from > 60 ? text + "..." : text;
    }
}
