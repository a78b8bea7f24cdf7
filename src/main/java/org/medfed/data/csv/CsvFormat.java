package org.medfed.data.csv;

import java.util.List;
import java.util.Set;
import org.medfed.engine.BadInputException;

/**
 * How to read a participant's CSV files: separator, header row, the tokens that mean "missing", and the
 * column names to use when the file has no header.
 */
public record CsvFormat(char separator, HeaderMode header, Set<String> missingTokens, List<String> columnNames) {

    /** {@code ?}, empty, {@code NA}, {@code NaN} and {@code null} are missing unless told otherwise. */
    public static final Set<String> DEFAULT_MISSING = Set.of("", "?", "NA", "N/A", "NaN", "nan", "null", "NULL");

    public CsvFormat {
        missingTokens = Set.copyOf(missingTokens);
        columnNames = columnNames == null ? List.of() : List.copyOf(columnNames);
    }

    public static CsvFormat defaults() {
        return new CsvFormat(',', HeaderMode.AUTO, DEFAULT_MISSING, List.of());
    }

    public CsvFormat withSeparator(char newSeparator) {
        return new CsvFormat(newSeparator, header, missingTokens, columnNames);
    }

    public CsvFormat withHeader(HeaderMode newHeader) {
        return new CsvFormat(separator, newHeader, missingTokens, columnNames);
    }

    public CsvFormat withColumnNames(List<String> names) {
        return new CsvFormat(separator, header, missingTokens, names);
    }

    public boolean isMissing(String value) {
        return value == null || missingTokens.contains(value.trim());
    }

    /** A separator as people write it ("," ";" "tab" or "\\t"), as a character. */
    public static char parseSeparator(String text) {
        if (text == null) {
            return ',';
        }
        if (text.equals("\\t") || text.equals("\t") || text.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (text.length() != 1) {
            throw new BadInputException("the separator must be one character (or \"tab\"), was \""
                    + text + "\"");
        }
        return text.charAt(0);
    }

    /** The separator as people write it: "," ";" "tab". */
    public static String describe(char separator) {
        return separator == '\t' ? "tab" : "'" + separator + "'";
    }
}
