package org.medfed.analytics.gwas;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProtocolException;

/**
 * How the association study's messages hold what the protocol has no kind for: whole numbers as 64-bit integer
 * vectors, a short list of names (covariates, hospitals) one text field per name, and the long columns of a
 * variant list as one text of lines each (VCF fields are parts of one line, so they never hold a line break).
 */
final class GwasFields {

    private GwasFields() {
    }

    static long[] longs(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }

    /** The integer vector {@code key} as ints; a value out of int range is a protocol error. */
    static int[] ints(Params p, String key) {
        long[] values = p.longs(key);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < Integer.MIN_VALUE || values[i] > Integer.MAX_VALUE) {
                throw new ProtocolException("field '" + key + "' holds " + values[i] + ", beyond a 32-bit integer");
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    /** Names as {@code prefix + "count"} and one text {@code prefix + index} each: any text comes back as it was. */
    static void putNames(Params.Builder b, String prefix, List<String> names) {
        b.number(prefix + "count", names.size());
        for (int i = 0; i < names.size(); i++) {
            b.text(prefix + i, names.get(i));
        }
    }

    static List<String> names(Params p, String prefix) {
        int n = p.integer(prefix + "count");
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(p.text(prefix + i));
        }
        return out;
    }

    /**
     * Adds {@code value} as line {@code index} of {@code lines} (a line break before all but the first); a value
     * holding a line break is a bug of the caller.
     */
    static void appendLine(StringBuilder lines, String value, String field, int index) {
        if (value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a value of '" + field + "' holds a line break: " + value);
        }
        if (index > 0) {
            lines.append('\n');
        }
        lines.append(value);
    }

    /**
     * The {@code expected} lines of text field {@code key}, each through {@code line} (given the text, where the
     * line begins and where it ends), which decides whether a String is made: a variant list's contigs and alleles
     * repeat, and are kept once each ({@link SharedTexts}).
     */
    static List<String> lines(Params p, String key, int expected, Line line) {
        if (expected == 0) {
            return List.of();
        }
        String text = p.text(key);
        String[] out = new String[expected];
        int from = 0;
        for (int i = 0; i < expected; i++) {
            int to = text.indexOf('\n', from);
            if ((to < 0) != (i == expected - 1)) {
                throw lineCount(key, text.split("\n", -1).length, expected);
            }
            if (to < 0) {
                to = text.length();
            }
            out[i] = line.of(text, from, to);
            from = to + 1;
        }
        return Arrays.asList(out);
    }

    /**
     * As {@link #lines}, each line handed over as its UTF-8 bytes instead of a String: a variant list's IDs, which
     * are kept by column ({@link VariantColumns}). A line break is one byte in UTF-8 and never part of another
     * character's bytes.
     */
    static void utf8Lines(Params p, String key, int expected, Utf8Line line) {
        if (expected == 0) {
            return;
        }
        byte[] text = p.text(key).getBytes(StandardCharsets.UTF_8);
        int from = 0;
        for (int i = 0; i < expected; i++) {
            int to = from;
            while (to < text.length && text[to] != '\n') {
                to++;
            }
            if ((to == text.length) != (i == expected - 1)) {
                int lines = 1;
                for (byte b : text) {
                    lines += b == '\n' ? 1 : 0;
                }
                throw lineCount(key, lines, expected);
            }
            line.of(i, text, from, to - from);
            from = to + 1;
        }
    }

    private static ProtocolException lineCount(String key, int lines, int expected) {
        return new ProtocolException("field '" + key + "' holds " + lines + " lines, expected " + expected);
    }

    /** Line {@code index}, the UTF-8 bytes {@code bytes[from, from + length)}. */
    interface Utf8Line {
        void of(int index, byte[] bytes, int from, int length);
    }

    /** How a line becomes a String: {@code text.substring(from, to)} or an equal one. */
    interface Line {
        String of(String text, int from, int to);
    }
}
