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
        List<String[]> raw = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        CSVFormat csv = CSVFormat.Builder.create(CSVFormat.DEFAULT)
                .setDelimiter(format.separator())
                .setQuote(format.quote())
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (Reader reader = Files.newBufferedReader(file, format.encoding());
             CSVParser parser = CSVParser.parse(reader, csv)) {
            long previousEnd = 0;
            for (CSVRecord record : parser) {
                String[] values = record.values();
                raw.add(values);
                // the record's first line: the line after the previous record ended, skipping blank lines
                lines.add((int) Math.max(previousEnd + 1, parser.getCurrentLineNumber() - countNewlines(values)));
                previousEnd = parser.getCurrentLineNumber();
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
                int line = raw.isEmpty() ? 1 : lines.get(lines.size() - 1) + 1;
                throw new BadInputException(file, "line " + line,
                        "a quoted field is not closed properly (a \" without its closing \")");
            }
            throw new BadInputException(file, null, "could not be read: " + msg, e);
        }
        return toTable(file, format, raw, lines);
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

    private static CsvTable toTable(Path file, CsvFormat format, List<String[]> raw, List<Integer> lines) {
        if (raw.isEmpty()) {
            throw new BadInputException(file, null, "the file is empty; expected a header row or rows of values");
        }
        boolean header = switch (format.header()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> looksLikeHeader(raw, format);
        };
        int width = raw.get(0).length;
        if (width == 1) {
            suggestSeparator(file, format, raw, lines);
        }
        List<String> columns = new ArrayList<>();
        if (header) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < width; i++) {
                String name = raw.get(0)[i].trim();
                if (name.isEmpty()) {
                    name = "column" + (i + 1);
                }
                if (!seen.add(name)) {
                    throw new BadInputException(file, "line " + lines.get(0), "column '" + name + "' appears twice in the header");
                }
                columns.add(name);
            }
        } else if (!format.columnNames().isEmpty()) {
            if (format.columnNames().size() != width) {
                throw new BadInputException(file, "line " + lines.get(0), width + " fields, but " + format.columnNames().size()
                        + " column names were given for this file without a header");
            }
            columns.addAll(format.columnNames());
        } else {
            for (int i = 0; i < width; i++) {
                columns.add("column" + (i + 1));
            }
        }
        int first = header ? 1 : 0;
        List<String[]> rows = new ArrayList<>(raw.size() - first);
        int[] lineNumbers = new int[raw.size() - first];
        for (int r = first; r < raw.size(); r++) {
            String[] values = raw.get(r);
            if (values.length != width) {
                if (values.length == width + 1 && values[width].isEmpty()) {
                    values = java.util.Arrays.copyOf(values, width); // a trailing separator
                } else {
                    throw new BadInputException(file, "line " + lines.get(r), values.length + " fields where " + width
                            + " were expected (" + (header ? "from the header" : "from the first line")
                            + "); check the separator " + CsvFormat.describe(format.separator()) + " and quotes");
                }
            }
            String[] cleaned = new String[width];
            for (int c = 0; c < width; c++) {
                cleaned[c] = format.isMissing(values[c]) ? null
                        : format.decimalComma() ? withDecimalPoint(values[c].trim()) : values[c].trim();
            }
            lineNumbers[r - first] = lines.get(r);
            rows.add(cleaned);
        }
        return new CsvTable(file, columns, rows, lineNumbers, header);
    }

    /** "3,5" as "3.5" when that makes a number; any other value as it is (text, or a number already). */
    static String withDecimalPoint(String value) {
        int comma = value.indexOf(',');
        if (comma < 0 || comma != value.lastIndexOf(',') || value.indexOf('.') >= 0) {
            return value;
        }
        String pointed = value.replace(',', '.');
        return isNumber(pointed) ? pointed : value;
    }

    /** A first row is a header when some of its cells are text where the second row has numbers there. */
    static boolean looksLikeHeader(List<String[]> raw, CsvFormat format) {
        if (raw.size() < 2) {
            String[] only = raw.get(0);
            for (String v : only) {
                if (!format.isMissing(v) && !number(format, v)) {
                    return true;
                }
            }
            return false;
        }
        String[] first = raw.get(0);
        String[] second = raw.get(1);
        boolean textOverNumber = false;
        for (int i = 0; i < Math.min(first.length, second.length); i++) {
            if (number(format, first[i])) {
                return false; // a header never has a number as a column name here
            }
            if (!format.isMissing(second[i]) && number(format, second[i])) {
                textOverNumber = true;
            }
        }
        if (textOverNumber) {
            return true;
        }
        // all-text tables: a header has no repeated cells and differs from every other row's values
        // sets, not lists: containsAll over lists is quadratic in the width (128 s for 20,001 columns)
        java.util.Set<String> header = new java.util.HashSet<>(java.util.Arrays.asList(first));
        return header.size() == first.length
                && raw.stream().skip(1).noneMatch(r -> new java.util.HashSet<>(java.util.Arrays.asList(r))
                        .containsAll(header));
    }

    private static boolean number(CsvFormat format, String v) {
        return isNumber(v == null || !format.decimalComma() ? v : withDecimalPoint(v.trim()));
    }

    /** Whether {@code v} is written as a number; {@link CsvNumber} says which numbers are allowed. */
    public static boolean isNumber(String v) {
        return CsvNumber.looksNumeric(v);
    }

    private static void suggestSeparator(Path file, CsvFormat format, List<String[]> raw, List<Integer> lines) {
        String firstLine = raw.get(0)[0];
        for (char other : OTHER_SEPARATORS) {
            if (other != format.separator() && firstLine.indexOf(other) >= 0) {
                throw new BadInputException(file, "line " + lines.get(0), "only one column found with separator "
                        + CsvFormat.describe(format.separator()) + ", but the line contains " + CsvFormat.describe(other)
                        + "; set the separator to " + CsvFormat.describe(other));
            }
        }
    }
}
