package org.medfed.data.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.medfed.engine.BadInputException;
import org.medfed.io.FileProblem;

/**
 * Reads a CSV file into a {@link CsvTable}, with errors that name the file, the line and what was expected:
 * ragged rows, an empty file, a separator that does not match the file, an unclosed quote.
 */
public final class CsvReader {

    private static final char[] OTHER_SEPARATORS = {',', ';', '\t', '|'};

    private CsvReader() {
    }

    public static CsvTable read(Path file, CsvFormat format) {
        FileProblem.refuseNonFile(file);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, null, "file not found (looked for " + file.toAbsolutePath() + ")");
        }
        CSVFormat csv = CSVFormat.Builder.create(CSVFormat.DEFAULT)
                .setDelimiter(format.separator())
                .setQuote(format.quote())
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        TableBuilder table = new TableBuilder(file, format);
        try (Reader reader = org.medfed.io.ByteOrderMark.skipped(Files.newBufferedReader(file, format.encoding()));
             CSVParser parser = CSVParser.parse(reader, csv)) {
            long previousEnd = 0;
            for (CSVRecord record : parser) {
                String[] values = record.values();
                long end = parser.getCurrentLineNumber();
                // the record's first line: the line after the previous record ended, skipping blank lines; only a
                // record that ends further on than the next line needs its values searched for line breaks
                table.add(values, (int) (end == previousEnd + 1 ? end
                        : Math.max(previousEnd + 1, end - countNewlines(values))));
                previousEnd = end;
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, "file not found");
        } catch (CharacterCodingException e) {
            throw notInEncoding(file, format);
        } catch (IOException | UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notInEncoding(file, format);
            }
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("EOF reached before encapsulated token finished")
                    || msg.contains("invalid char between encapsulated token and delimiter")) {
                throw new BadInputException(file, "line " + table.nextLine(),
                        "a quoted field is not closed properly (a \" without its closing \")");
            }
            throw new BadInputException(file, null, "could not be read: " + msg, e);
        }
        return table.build();
    }

    private static BadInputException notInEncoding(Path file, CsvFormat format) {
        return new BadInputException(file, null, "is not " + format.encoding().displayName() + " text; set the "
                + "encoding the file was saved with (often windows-1252 or ISO-8859-1), or save it as UTF-8 CSV");
    }

    private static int countNewlines(String[] values) {
        int n = 0;
        for (String v : values) {
            for (int i = 0; i < v.length(); i++) {
                if (v.charAt(i) == '\n') {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Builds the table record by record, so that a large file is never held as rows of strings: each value goes
     * straight into its column ({@link CsvColumn}). Whether the first record is a header is decided from the first
     * two records, except for a table of text only, where it is known at the end (a header differs from every row).
     */
    private static final class TableBuilder {

        private final Path file;
        private final CsvFormat format;
        private final MissingTokens missing;
        private String[] first;
        private int firstLine;
        private Boolean header;
        private java.util.Set<String> headerCandidate;
        private boolean candidateRepeated;
        private CsvColumn[] columns;
        private int[] lines = new int[1024];
        private int records;

        TableBuilder(Path file, CsvFormat format) {
            this.file = file;
            this.format = format;
            this.missing = new MissingTokens(format.missingTokens());
            header = switch (format.header()) {
                case YES -> true;
                case NO -> false;
                case AUTO -> null;
            };
        }

        int nextLine() {
            return records == 0 ? 1 : lines[records - 1] + 1;
        }

        void add(String[] values, int line) {
            if (records == 0) {
                first = values;
                firstLine = line;
                if (values.length == 1) {
                    suggestSeparator(file, format, values[0], line);
                } else {
                    refuseSeparatorInsideFields(file, format, values, line);
                }
                columns = new CsvColumn[values.length];
                for (int c = 0; c < values.length; c++) {
                    columns[c] = new CsvColumn();
                }
            } else if (records == 1 && header == null) {
                header = looksLikeHeader(first, values, format);
                if (header == null) {
                    headerCandidate = new java.util.HashSet<>(java.util.Arrays.asList(first));
                }
            }
            if (headerCandidate != null && records > 0 && !candidateRepeated) {
                // sets, not lists: containsAll over lists is quadratic in the width (128 s for 20,001 columns)
                candidateRepeated = new java.util.HashSet<>(java.util.Arrays.asList(values))
                        .containsAll(headerCandidate);
            }
            int width = first.length;
            if (values.length != width) {
                if (values.length == width + 1 && values[width].isEmpty()) {
                    values = java.util.Arrays.copyOf(values, width); // a trailing separator
                } else {
                    Character other = likelierSeparator(format, values);
                    throw new BadInputException(file, "line " + line, values.length + " fields where " + width
                            + " were expected (" + (header == null || header ? "from the header" : "from the first line")
                            + "); " + (other == null ? "check the separator " + CsvFormat.describe(format.separator())
                            + " and quotes" : "the line has more " + CsvFormat.describe(other) + " than "
                            + CsvFormat.describe(format.separator()) + ": set the separator to " + CsvFormat.describe(other)));
                }
            }
            // commons-csv has trimmed every value already
            for (int c = 0; c < width; c++) {
                String v = values[c];
                columns[c].add(missing.contains(v) ? null : format.decimalComma() ? CsvNumber.withDecimalPoint(v) : v);
            }
            if (records == lines.length) {
                lines = java.util.Arrays.copyOf(lines, records + (records >> 1));
            }
            lines[records++] = line;
        }

        CsvTable build() {
            if (records == 0) {
                throw new BadInputException(file, null, "the file is empty; expected a header row or rows of values");
            }
            if (header == null) {
                header = records == 1 ? singleRowIsHeader(first, format)
                        : headerCandidate.size() == first.length && !candidateRepeated;
            }
            int width = first.length;
            List<String> names = new ArrayList<>();
            if (header) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (int i = 0; i < width; i++) {
                    String name = first[i].trim();
                    if (name.isEmpty()) {
                        name = "column" + (i + 1);
                    }
                    if (!seen.add(name)) {
                        throw new BadInputException(file, "line " + firstLine, "column '" + name
                                + "' appears twice in the header");
                    }
                    names.add(name);
                }
            } else if (!format.columnNames().isEmpty()) {
                if (format.columnNames().size() != width) {
                    throw new BadInputException(file, "line " + firstLine, width + " fields, but "
                            + format.columnNames().size() + " column names were given for this file without a header");
                }
                names.addAll(format.columnNames());
            } else {
                for (int i = 0; i < width; i++) {
                    names.add("column" + (i + 1));
                }
            }
            for (CsvColumn c : columns) {
                c.finish(header);
            }
            return new CsvTable(file, names, columns, java.util.Arrays.copyOfRange(lines, header ? 1 : 0, records),
                    header);
        }
    }

    /**
     * Whether {@code first} is a header, judged from the second row: no when it has a number, yes when it has text
     * above a number; null for all-text tables, where a header has no repeated cells and differs from every other
     * row's values (which only the whole table tells).
     */
    private static Boolean looksLikeHeader(String[] first, String[] second, CsvFormat format) {
        boolean textOverNumber = false;
        for (int i = 0; i < Math.min(first.length, second.length); i++) {
            if (number(format, first[i])) {
                return false; // a header never has a number as a column name here
            }
            if (!format.isMissing(second[i]) && number(format, second[i])) {
                textOverNumber = true;
            }
        }
        return textOverNumber ? Boolean.TRUE : null;
    }

    private static boolean singleRowIsHeader(String[] only, CsvFormat format) {
        for (String v : only) {
            if (!format.isMissing(v) && !number(format, v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean number(CsvFormat format, String v) {
        return isNumber(v == null || !format.decimalComma() ? v : CsvNumber.withDecimalPoint(v.trim()));
    }

    /** Whether {@code v} is written as a number; {@link CsvNumber} says which numbers are allowed. */
    public static boolean isNumber(String v) {
        return CsvNumber.looksNumeric(v);
    }

    /**
     * A first line whose fields mostly hold another separator ({@code 63,0;1,0;...} read with {@code ,}: fields
     * {@code 0;1}) is a file with that separator and decimal commas; read on, every column would be text.
     */
    private static void refuseSeparatorInsideFields(Path file, CsvFormat format, String[] values, int line) {
        Character other = likelierSeparator(format, values);
        if (other == null || values.length < 3) {
            return;
        }
        int holding = 0;
        String example = null;
        for (String v : values) {
            if (holds(v, other)) {
                holding++;
                example = example == null ? v : example;
            }
        }
        if (holding * 2 > values.length) {
            throw new BadInputException(file, "line " + line, holding + " of the " + values.length + " fields found with "
                    + "separator " + CsvFormat.describe(format.separator()) + " contain " + CsvFormat.describe(other)
                    + " (for example '" + example + "'): set the separator to " + CsvFormat.describe(other)
                    + (format.separator() == ',' ? ", with a decimal comma if numbers are written 3,5" : ""));
        }
    }

    /** Whether a field holds {@code other}, not counting the comma of a number written 3,5. */
    private static boolean holds(String value, char other) {
        return value.indexOf(other) >= 0 && !(other == ',' && CsvNumber.writtenWithDecimalComma(value));
    }

    /** Another separator found in the values at least as often as the one that split them, or null. */
    private static Character likelierSeparator(CsvFormat format, String[] values) {
        Character best = null;
        int bestCount = 0;
        for (char other : OTHER_SEPARATORS) {
            if (other == format.separator()) {
                continue;
            }
            int count = 0;
            for (String v : values) {
                for (int i = 0; holds(v, other) && i < v.length(); i++) {
                    count += v.charAt(i) == other ? 1 : 0;
                }
            }
            if (count > bestCount) {
                best = other;
                bestCount = count;
            }
        }
        return bestCount > 0 && bestCount >= values.length - 1 ? best : null;
    }

    private static void suggestSeparator(Path file, CsvFormat format, String firstLine, int line) {
        for (char other : OTHER_SEPARATORS) {
            if (other != format.separator() && firstLine.indexOf(other) >= 0) {
                throw new BadInputException(file, "line " + line, "only one column found with separator "
                        + CsvFormat.describe(format.separator()) + ", but the line contains " + CsvFormat.describe(other)
                        + "; set the separator to " + CsvFormat.describe(other));
            }
        }
    }
}
