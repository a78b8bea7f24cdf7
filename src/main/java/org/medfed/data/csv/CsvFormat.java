package org.medfed.data.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.medfed.engine.BadInputException;

/**
 * How to read a participant's CSV files: separator, header row, the tokens that mean "missing", the column names
 * to use when the file has no header, whether numbers use a decimal comma (3,5 for 3.5, as European spreadsheets
 * export them), the text encoding, and the quote character (none: quotes are ordinary characters).
 */
public record CsvFormat(char separator, HeaderMode header, Set<String> missingTokens, List<String> columnNames,
                        boolean decimalComma, Charset encoding, Character quote) {

    /** {@code ?}, empty, {@code NA}, {@code NaN} and {@code null} are missing unless told otherwise. */
    public static final Set<String> DEFAULT_MISSING = Set.of("", "?", "NA", "N/A", "NaN", "nan", "null", "NULL");

    /** The quote character unless told otherwise. */
    public static final char DEFAULT_QUOTE = '"';

    public CsvFormat {
        missingTokens = Set.copyOf(missingTokens);
        columnNames = columnNames == null ? List.of() : List.copyOf(columnNames);
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
        if (quote != null && quote == separator) {
            throw new BadInputException("the quote character and the separator are both " + describe(separator)
                    + "; choose different ones");
        }
    }

    /** UTF-8, quotes with {@code "}, decimal points. */
    public CsvFormat(char separator, HeaderMode header, Set<String> missingTokens, List<String> columnNames) {
        this(separator, header, missingTokens, columnNames, false, StandardCharsets.UTF_8, DEFAULT_QUOTE);
    }

    public static CsvFormat defaults() {
        return new CsvFormat(',', HeaderMode.AUTO, DEFAULT_MISSING, List.of());
    }

    public CsvFormat withSeparator(char newSeparator) {
        return new CsvFormat(newSeparator, header, missingTokens, columnNames, decimalComma, encoding, quote);
    }

    public CsvFormat withHeader(HeaderMode newHeader) {
        return new CsvFormat(separator, newHeader, missingTokens, columnNames, decimalComma, encoding, quote);
    }

    public CsvFormat withColumnNames(List<String> names) {
        return new CsvFormat(separator, header, missingTokens, names, decimalComma, encoding, quote);
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

    /** A quote character as people write it ({@code "}, {@code '}, or "none"), null for none. */
    public static Character parseQuote(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_QUOTE;
        }
        if (text.equalsIgnoreCase("none")) {
            return null;
        }
        if (text.length() != 1) {
            throw new BadInputException("the quote character must be one character (or \"none\"), was \"" + text + "\"");
        }
        return text.charAt(0);
    }

    /** An encoding by name ("UTF-8", "windows-1252"), with a message naming the known ones when unknown. */
    public static Charset parseEncoding(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("the encoding \"" + name + "\" is unknown; common ones are UTF-8, "
                    + "windows-1252, ISO-8859-1 and UTF-16");
        }
    }
}
