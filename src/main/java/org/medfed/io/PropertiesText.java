package org.medfed.io;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The bytes {@link Properties#store(java.io.OutputStream, String)} writes, without the date line it puts under the
 * comment: the same escapes (ISO 8859-1 with backslash-u for everything outside printable ASCII), the entries in the
 * order of their keys (as {@code store} writes them from Java 18 on; Java 17's follows its hash table, which differs
 * from one Java to another), the same line separator, so that {@link Properties#load(java.io.InputStream)} reads them
 * back unchanged and the bytes are the same on every Java.
 *
 * <p>Written here rather than by {@code store} because on Java 17 {@code store} always dates the file with
 * {@code new Date().toString()}, whose time-zone name makes java.time look for zone-rule providers on the whole
 * class path (every jar opened: about 0.1 s of a run's start-up CPU); Java 18's {@code java.properties.date} setting
 * is not there on 17. The files that use it carry their own timestamp as an entry.
 */
public final class PropertiesText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PropertiesText() {
    }

    /**
     * @param comment one line of printable ASCII, written as {@code #comment} at the top (as {@code store} would
     *                before its date line)
     */
    public static byte[] of(Properties properties, String comment) {
        if (!comment.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new IllegalArgumentException("a properties comment is one line of printable ASCII: " + comment);
        }
        String newline = System.lineSeparator();
        StringBuilder out = new StringBuilder("#").append(comment).append(newline);
        Map<Object, Object> sorted;
        synchronized (properties) {
            sorted = new TreeMap<>(properties);
        }
        for (Map.Entry<Object, Object> e : sorted.entrySet()) {
            escape(out, (String) e.getKey(), true);
            out.append('=');
            escape(out, (String) e.getValue(), false);
            out.append(newline);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** As {@code Properties.saveConvert} with unicode escapes: a key escapes all its spaces, a value its first. */
    private static void escape(StringBuilder out, String s, boolean key) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ' ' -> out.append(i == 0 || key ? "\\ " : " ");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
