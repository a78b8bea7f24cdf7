package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashSet;
import java.util.List;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.HeaderMode;
import org.medfed.engine.BadInputException;

/**
 * How one hospital's CSV file is read, where it differs from the study's {@code data} section: each field left out
 * takes the study's setting (separator, header, missing values, column names) or the plain default (no decimal
 * comma, UTF-8, the quote {@code "}). Written in the study file as a participant's {@code "csv"}.
 *
 * @param separator     "," ";" "tab" "|"
 * @param header        "auto", "yes" or "no"
 * @param decimalComma  numbers are written 3,5 for 3.5
 * @param encoding      the file's text encoding, e.g. "UTF-8", "windows-1252"
 * @param quote         the quote character, or "none"
 * @param missingValues the texts that mean a value is missing
 * @param columnNames   the names of the columns of a file without a header row
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CsvOptions(String separator, String header, Boolean decimalComma, String encoding, String quote,
                         List<String> missingValues, List<String> columnNames) {

    public static final CsvOptions NONE = new CsvOptions(null, null, null, null, null, null, null);

    public CsvOptions {
        missingValues = missingValues == null ? null : List.copyOf(missingValues);
        columnNames = columnNames == null || columnNames.isEmpty() ? null : List.copyOf(columnNames);
    }

    /** This hospital's format: {@code study}'s (the data section's) with these options over it. */
    public CsvFormat over(CsvFormat study) {
        return new CsvFormat(separator == null ? study.separator() : CsvFormat.parseSeparator(separator),
                header == null ? study.header() : headerMode(header),
                missingValues == null ? study.missingTokens() : new HashSet<>(missingValues),
                columnNames == null ? study.columnNames() : columnNames,
                decimalComma == null ? study.decimalComma() : decimalComma,
                encoding == null ? study.encoding() : CsvFormat.parseEncoding(encoding),
                quote == null ? study.quote() : CsvFormat.parseQuote(quote));
    }

    /**
     * These options with what a file's first lines suggest ({@code d}) where it differs from how they read it over
     * {@code base}: a separator other than ',', a decimal comma, the header row, windows-1252. {@code said} gets a
     * phrase for each change ("';' between values"), for the notice that tells the user.
     */
    public CsvOptions guessedFrom(org.medfed.data.csv.CsvDialect d, CsvFormat base, List<String> said) {
        CsvFormat now = over(base);
        CsvOptions o = this;
        if (d.separator() != ',' && d.separator() != now.separator()) {
            o = o.withSeparator(d.separator() == '\t' ? "tab" : String.valueOf(d.separator()));
            said.add(CsvFormat.describe(d.separator()) + " between values");
        }
        if (d.decimalComma() && !now.decimalComma()) {
            o = o.withDecimalComma(true);
            said.add("a decimal comma");
        }
        if (Boolean.TRUE.equals(d.header()) && now.header() == HeaderMode.NO) {
            o = o.withHeader("yes");
            said.add("its first line as the column names");
        } else if (Boolean.FALSE.equals(d.header()) && now.header() == HeaderMode.YES) {
            o = o.withHeader("no");
            said.add("no header row");
        }
        if (!d.encoding().equals(now.encoding()) && !d.encoding().equals(java.nio.charset.StandardCharsets.UTF_8)) {
            o = o.withEncoding(d.encoding().name());
            said.add("the " + d.encoding().name() + " encoding");
        }
        return o;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }

    static HeaderMode headerMode(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> HeaderMode.AUTO;
            case "yes", "true" -> HeaderMode.YES;
            case "no", "false" -> HeaderMode.NO;
            default -> throw new BadInputException("header must be auto, yes or no, was \"" + text + "\"");
        };
    }

    public CsvOptions withSeparator(String v) {
        return new CsvOptions(v, header, decimalComma, encoding, quote, missingValues, columnNames);
    }

    public CsvOptions withHeader(String v) {
        return new CsvOptions(separator, v, decimalComma, encoding, quote, missingValues, columnNames);
    }

    public CsvOptions withDecimalComma(Boolean v) {
        return new CsvOptions(separator, header, v, encoding, quote, missingValues, columnNames);
    }

    public CsvOptions withEncoding(String v) {
        return new CsvOptions(separator, header, decimalComma, v, quote, missingValues, columnNames);
    }

    public CsvOptions withQuote(String v) {
        return new CsvOptions(separator, header, decimalComma, encoding, v, missingValues, columnNames);
    }

    public CsvOptions withMissingValues(List<String> v) {
        return new CsvOptions(separator, header, decimalComma, encoding, quote, v, columnNames);
    }

    public CsvOptions withColumnNames(List<String> v) {
        return new CsvOptions(separator, header, decimalComma, encoding, quote, missingValues, v);
    }
}
