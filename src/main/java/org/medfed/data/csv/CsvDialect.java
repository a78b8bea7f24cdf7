package org.medfed.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a table file seems to be written, judged from its first lines: its separator, whether its numbers carry a
 * decimal comma, whether it is UTF-8. For a file just added to a study, so that a European spreadsheet's export
 * ({@code 63,5;1;145}, in windows-1252) is read right away, and said so, instead of being refused at its first line.
 * A guess only: what the screen shows and the user can change.
 *
 * @param separator    the character every sampled line holds the same number of times (most often), else ','
 * @param decimalComma the file's separator is not ',' and its numbers are mostly written 3,5
 * @param encoding     UTF-8, or windows-1252 when the first bytes are not UTF-8
 * @param header       whether the first line names the columns: yes when it holds no number and the next line does,
 *                     no when it holds a number, null when the lines do not tell
 */
public record CsvDialect(char separator, boolean decimalComma, Charset encoding, Boolean header) {

    public static final CsvDialect PLAIN = new CsvDialect(',', false, StandardCharsets.UTF_8, null);
    private static final int SAMPLE_BYTES = 16 * 1024;
    private static final int SAMPLE_LINES = 20;
    private static final char[] SEPARATORS = {',', ';', '\t', '|'};

    /** The file's dialect, or {@link #PLAIN} when its first lines say nothing clear (one column, ragged lines). */
    public static CsvDialect of(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(SAMPLE_BYTES);
        }
        int end = bytes.length;
        if (bytes.length == SAMPLE_BYTES) {
            // a cut sample: its last line (and perhaps a character) is incomplete
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
        }
        Charset encoding = StandardCharsets.UTF_8;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end)).toString();
        } catch (CharacterCodingException e) {
            encoding = Charset.forName("windows-1252");
            text = new String(bytes, 0, end, encoding);
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!l.isBlank() && lines.size() < SAMPLE_LINES) {
                lines.add(l);
            }
        }
        char separator = separator(lines);
        boolean comma = separator != ',' && decimalComma(lines, separator);
        return new CsvDialect(separator, comma, encoding, header(lines, separator, comma));
    }

    /** Yes when the first line holds no number and the second does; no when the first holds one; else null. */
    static Boolean header(List<String> lines, char separator, boolean decimalComma) {
        if (lines.isEmpty()) {
            return null;
        }
        if (numbers(lines.get(0), separator, decimalComma) > 0) {
            return Boolean.FALSE;
        }
        return lines.size() > 1 && numbers(lines.get(1), separator, decimalComma) > 0 ? Boolean.TRUE : null;
    }

    private static int numbers(String line, char separator, boolean decimalComma) {
        int n = 0;
        for (String field : line.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1)) {
            String f = field.strip();
            if (CsvNumber.looksNumeric(decimalComma ? CsvNumber.withDecimalPoint(f) : f)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The separator found the same number of times on every line (outside quotes), the most of them; ';' over ','
     * when both are, and the fields between the ';' are numbers with a decimal comma.
     */
    static char separator(List<String> lines) {
        if (lines.isEmpty()) {
            return ',';
        }
        char best = ',';
        int bestCount = 0;
        for (char c : SEPARATORS) {
            int count = count(lines.get(0), c);
            boolean steady = count > 0;
            for (int i = 1; i < lines.size() && steady; i++) {
                steady = count(lines.get(i), c) == count;
            }
            if (!steady) {
                continue;
            }
            boolean commasAreDecimal = best == ',' && c == ';' && bestCount > 0 && decimalComma(lines, ';');
            if (count > bestCount || commasAreDecimal) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    /** Whether more of the lines' number-like fields are written 3,5 than 3.5 (and some are). */
    static boolean decimalComma(List<String> lines, char separator) {
        int comma = 0;
        int point = 0;
        for (String line : lines) {
            for (String field : line.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1)) {
                String f = field.strip();
                if (f.startsWith("\"") && f.endsWith("\"") && f.length() >= 2) {
                    f = f.substring(1, f.length() - 1);
                }
                if (CsvNumber.writtenWithDecimalComma(f)) {
                    comma++;
                } else if (f.indexOf('.') >= 0 && CsvNumber.looksNumeric(f)) {
                    point++;
                }
            }
        }
        return comma > 0 && comma >= point;
    }

    /** How often {@code c} occurs in {@code line} outside double quotes. */
    private static int count(String line, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }
}
