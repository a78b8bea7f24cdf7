package org.medfed.data.vcf;

import htsjdk.variant.vcf.VCFCodec;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.medfed.engine.BadInputException;

/**
 * VCF text (plain, gzip or BGZF) read line by line: we own the lines so that every error names its line
 * number exactly. htsjdk's {@link VCFCodec} checks the header; each record's site columns are read from its bytes
 * by {@link SiteColumnsParser}, its calls by {@link GtColumnParser}.
 */
final class TextVcfSource implements VcfRecordSource {

    private static final String[] FIXED_COLUMNS = {"#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"};

    private final Path file;
    private final LineReader lines;
    private final List<String> samples;
    private final String fileFormat;
    private final int expectedColumns;
    private final SiteColumnsParser sites = new SiteColumnsParser();
    /** Where the line last read has its first seven tabs (the ends of CHROM to FILTER). */
    private final int[] tabs = new int[7];
    /** Where the line last read has its site columns end. */
    private int siteEnd;
    private final LineCalls calls;
    private long recordLine;

    TextVcfSource(Path file, VcfLayout layout, Executor inflaters) {
        this.file = file;
        this.lines = new LineReader(open(file, layout, inflaters));
        try {
            List<String> header = readHeaderLines();
            String chromLine = header.get(header.size() - 1);
            this.samples = checkColumnsLine(chromLine);
            this.fileFormat = header.get(0).substring("##fileformat=".length()).strip();
            this.expectedColumns = samples.isEmpty() ? -1 : FIXED_COLUMNS.length + 1 + samples.size();
            this.calls = new LineCalls(samples.toArray(String[]::new));
            // htsjdk checks the meta-information lines; the #CHROM line and its sample names were checked above
            header.set(header.size() - 1, String.join("\t", FIXED_COLUMNS));
            parseHeader(header);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    @Override
    public List<String> samples() {
        return samples;
    }

    @Override
    public String fileFormat() {
        return fileFormat;
    }

    @Override
    public VcfSite next() {
        do {
            if (!nextLine()) {
                return null;
            }
        } while (isBlank(lines.bytes(), lines.start(), lines.length()));
        recordLine = lines.lineNumber();
        byte[] bytes = lines.bytes();
        if (bytes[lines.start()] == '#') {
            throw error("a header line (starting with #) after the records began; expected a data record");
        }
        int position = checkDataColumns(bytes, lines.start(), lines.start() + lines.length());
        try {
            return sites.parse(bytes, lines.start(), siteEnd, tabs, position);
        } catch (SiteColumnsParser.BadSite e) {
            throw error(e.getMessage());
        }
    }

    @Override
    public RecordCalls calls() {
        return calls;
    }

    @Override
    public String location() {
        return "line " + recordLine;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private List<String> readHeaderLines() {
        List<String> header = new ArrayList<>();
        String line;
        while ((line = nextHeaderLine()) != null) {
            long number = lines.lineNumber();
            if (number == 1 && !line.startsWith("##fileformat=VCF")) {
                throw new BadInputException(file, "line 1", "expected the first line to be '##fileformat=VCFv4.x' "
                        + "(a VCF file), found '" + shorten(line) + "'");
            }
            if (!line.startsWith("#")) {
                throw new BadInputException(file, "line " + number, "a data record before the '#CHROM' header line; "
                        + "expected the header to end with a line starting with #CHROM");
            }
            header.add(line);
            if (!line.startsWith("##")) {
                if (!line.startsWith("#CHROM")) {
                    throw new BadInputException(file, "line " + number, "expected the column header line "
                            + "'#CHROM POS ID REF ALT QUAL FILTER INFO ...', found '" + shorten(line) + "'");
                }
                return header;
            }
        }
        throw new BadInputException(file, "line " + lines.lineNumber(), header.isEmpty()
                ? "the file has no lines; expected a VCF header"
                : "the file ends before the '#CHROM' header line; expected the header to end with a line "
                        + "starting with #CHROM");
    }

    /** Sample names from the #CHROM line, after checking its fixed columns and that names are unique. */
    private List<String> checkColumnsLine(String chromLine) {
        String location = "line " + lines.lineNumber();
        String[] columns = chromLine.split("\t");
        for (int i = 0; i < FIXED_COLUMNS.length; i++) {
            if (i >= columns.length || !columns[i].equals(FIXED_COLUMNS[i])) {
                throw new BadInputException(file, location, "column " + (i + 1) + " of the #CHROM line should be '"
                        + FIXED_COLUMNS[i] + "', found '" + (i < columns.length ? shorten(columns[i]) : "nothing")
                        + "' (columns must be separated by tabs)");
            }
        }
        if (columns.length > FIXED_COLUMNS.length && !columns[FIXED_COLUMNS.length].equals("FORMAT")) {
            throw new BadInputException(file, location, "column 9 of the #CHROM line should be 'FORMAT', found '"
                    + shorten(columns[FIXED_COLUMNS.length]) + "'");
        }
        List<String> names = new ArrayList<>();
        for (int i = FIXED_COLUMNS.length + 1; i < columns.length; i++) {
            names.add(columns[i]);
        }
        Map<String, Long> counts = names.stream()
                .collect(Collectors.groupingBy(n -> n, LinkedHashMap::new, Collectors.counting()));
        List<String> duplicated = counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " (" + e.getValue() + " times)").toList();
        if (!duplicated.isEmpty()) {
            throw new BadInputException(file, location, "sample names must be unique, but " + duplicated.size()
                    + " appear more than once: " + String.join(", ", duplicated.subList(0, Math.min(5, duplicated.size())))
                    + (duplicated.size() > 5 ? ", ..." : ""));
        }
        return List.copyOf(names);
    }

    private void parseHeader(List<String> header) {
        try {
            new VCFCodec().readActualHeader(new HeaderLines(header));
        } catch (RuntimeException e) {
            throw new BadInputException(file, "header (lines 1-" + header.size() + ")",
                    "not a valid VCF header: " + HtsjdkMessages.reason(e), e);
        }
    }

    /**
     * Counts the columns of the line {@code bytes[from, to)}, notes where its site columns end and its calls begin
     * ({@link #tabs}, {@link #calls}), and returns its position (column POS), without making Strings of them.
     */
    private int checkDataColumns(byte[] bytes, int from, int to) {
        int last = to;
        while (last > from && bytes[last - 1] == '\t') {
            last--;
        }
        int columns = 1;
        siteEnd = last;
        int formatStart = -1;
        int samplesStart = -1;
        for (int i = from; i < last; i++) {
            if (bytes[i] != '\t') {
                continue;
            }
            columns++;
            if (columns <= FIXED_COLUMNS.length) {
                tabs[columns - 2] = i;
            } else if (columns == 9) {
                siteEnd = i;
                formatStart = i + 1;
            } else if (columns == 10) {
                samplesStart = i + 1;
                if (expectedColumns > 0) {
                    // one tab per further sample: counted the fast way below
                    columns += countTabs(bytes, i + 1, last);
                    break;
                }
            }
        }
        if (columns < FIXED_COLUMNS.length) {
            throw error("the record has " + columns + " column(s), expected at least 8 "
                    + "(CHROM POS ID REF ALT QUAL FILTER INFO) separated by tabs");
        }
        if (expectedColumns > 0 && columns != expectedColumns) {
            throw error("the record has " + columns + " columns, expected " + expectedColumns
                    + " (8 fixed columns, FORMAT, and one per sample for " + samples.size()
                    + " samples): the line is cut short or has extra tabs");
        }
        calls.of(bytes, formatStart, samplesStart, last);
        int posStart = tabs[0] + 1;
        int posEnd = tabs[1];
        long position = 0;
        boolean number = posEnd > posStart && posEnd - posStart <= 10;
        for (int i = posStart; number && i < posEnd; i++) {
            number = bytes[i] >= '0' && bytes[i] <= '9';
            position = position * 10 + (bytes[i] - '0');
        }
        if (!number || position > Integer.MAX_VALUE) {
            String pos = new String(bytes, posStart, Math.max(0, posEnd - posStart), StandardCharsets.UTF_8);
            throw error("column POS is '" + shorten(pos) + "', expected a position (a whole number)");
        }
        return (int) position;
    }

    /**
     * The calls of the line last read, read from its bytes by {@link GtColumnParser}: htsjdk's Genotype objects are
     * never built.
     */
    private static final class LineCalls implements RecordCalls {
        private final String[] sampleNames;
        private final GtColumnParser.CallKinds kinds = new GtColumnParser.CallKinds();
        private byte[] line;
        private int formatStart;
        private int samplesStart;
        private int end;
        /** The GT entry's index in the line's FORMAT, worked out once per line when first asked: -2 until then. */
        private int gtIndex;

        LineCalls(String[] sampleNames) {
            this.sampleNames = sampleNames;
        }

        void of(byte[] line, int formatStart, int samplesStart, int end) {
            this.line = line;
            this.formatStart = formatStart;
            this.samplesStart = samplesStart;
            this.end = end;
            this.gtIndex = -2;
        }

        @Override
        public boolean hasGt() {
            return gtIndex() >= 0;
        }

        @Override
        public void read(byte[][] dosages, VcfReadStats stats) {
            kinds.clear();
            GtColumnParser.parse(line, samplesStart, end, gtIndex(), dosages.length, dosages, kinds, sampleNames);
            stats.countCalls(kinds);
        }

        private int gtIndex() {
            if (gtIndex == -2) {
                gtIndex = sampleNames.length == 0 || formatStart < 0 ? -1 : GtColumnParser.gtIndex(line, formatStart, end);
            }
            return gtIndex;
        }
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long TABS = 0x0909090909090909L;
    private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;

    /**
     * Tabs in {@code bytes[from, to)}, eight bytes at a time: a byte of {@code word ^ TABS} is zero exactly where
     * the word holds a tab, and the expression below sets the top bit of exactly those bytes (no carry crosses a
     * byte), which {@code bitCount} then counts. A line of 500 samples is 2 kB, and this pass is its only one
     * besides reading the calls.
     */
    private static int countTabs(byte[] bytes, int from, int to) {
        int tabs = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(bytes, i) ^ TABS;
            long zeroTop = ~(((x & LOW7) + LOW7) | x | LOW7);
            tabs += Long.bitCount(zeroTop);
        }
        for (; i < to; i++) {
            tabs += bytes[i] == '\t' ? 1 : 0;
        }
        return tabs;
    }

    private static boolean isBlank(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The header lines, as text. */
    private String nextHeaderLine() {
        return nextLine() ? new String(lines.bytes(), lines.start(), lines.length(), StandardCharsets.UTF_8) : null;
    }

    private boolean nextLine() {
        try {
            boolean line = lines.nextLine();
            if (line && !lines.lastLineTerminated()) {
                recordLine = lines.lineNumber();
                throw error("the file ends in the middle of this line (there is no newline at the end), so it "
                        + "looks truncated; expected every line, the last one too, to end with a newline");
            }
            return line;
        } catch (EOFException e) {
            throw new BadInputException(file, "after line " + lines.lineNumber(),
                    "the compressed file ends unexpectedly: it is truncated (an incomplete copy?)", e);
        } catch (IOException e) {
            throw new BadInputException(file, "after line " + lines.lineNumber(),
                    "cannot be read: " + HtsjdkMessages.reason(e) + " (is the compressed data damaged?)", e);
        } catch (BadInputException e) {
            throw GenotypeFileInput.placed(e, "after line " + lines.lineNumber());
        } catch (RuntimeException e) {
            // whatever else decompressing throws is still a file that cannot be read, said in words
            throw new BadInputException(file, "after line " + lines.lineNumber(),
                    "cannot be read: " + HtsjdkMessages.reason(e) + " (is the compressed data damaged?)", e);
        }
    }

    private BadInputException error(String problem) {
        return new BadInputException(file, location(), problem);
    }

    private BadInputException error(String problem, Throwable cause) {
        return new BadInputException(file, location(), problem, cause);
    }

    private static InputStream open(Path file, VcfLayout layout, Executor inflaters) {
        if (layout == VcfLayout.BCF) {
            throw new IllegalArgumentException("BCF is not text");
        }
        return GenotypeFileInput.open(file, inflaters);
    }

    private void closeQuietly() {
        try {
            lines.close();
        } catch (IOException e) {
            // nothing was written; a failing close of an input cannot lose data
        }
    }

    static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
