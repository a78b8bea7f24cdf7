package org.medfed.analytics.gwas;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One String for each short text that repeats down a variant list: contig names, alleles, the "." of a missing ID.
 * A hospital's 100,000 variants name a few dozen contigs and mostly single-base alleles; keeping a String of each per
 * variant made the lists of a four-hospital study hold about a million small objects, which every young collection
 * then copied (most of the second run's garbage-collection time). A table serves one list being read, from one thread.
 */
final class SharedTexts {

    /** Longer texts (indel alleles, IDs) rarely repeat: kept as they are, so the table stays small. */
    static final int MAX_SHARED = 16;
    private static final int MAX_ENTRIES = 4096;
    private static final String[] ONE_CHAR = new String[128];

    static {
        for (char c = 0; c < ONE_CHAR.length; c++) {
            ONE_CHAR[c] = String.valueOf(c).intern();
        }
    }

    private final Map<String, String> seen = new HashMap<>();

    /** The table's String equal to {@code text} (it becomes the table's when new and short). */
    String of(String text) {
        if (text.length() == 1 && text.charAt(0) < ONE_CHAR.length) {
            return ONE_CHAR[text.charAt(0)];
        }
        if (text.length() > MAX_SHARED) {
            return text;
        }
        String known = seen.get(text);
        if (known != null) {
            return known;
        }
        if (seen.size() < MAX_ENTRIES) {
            seen.put(text, text);
        }
        return text;
    }

    /** {@code text.substring(from, to)}, shared; a single ASCII character costs no allocation. */
    String of(String text, int from, int to) {
        if (to - from == 1 && text.charAt(from) < ONE_CHAR.length) {
            return ONE_CHAR[text.charAt(from)];
        }
        return of(text.substring(from, to));
    }

    /** The UTF-8 text {@code bytes[from, from + length)}, shared; a single ASCII byte costs no allocation. */
    String of(byte[] bytes, int from, int length) {
        if (length == 1 && bytes[from] >= 0) {
            return ONE_CHAR[bytes[from]];
        }
        return of(new String(bytes, from, length, StandardCharsets.UTF_8));
    }

    /**
     * For a text that seldom repeats (a variant's ID): only a single ASCII character (the "." of no ID) is shared,
     * so that a list of unique IDs does not fill the table.
     */
    static String unique(String text, int from, int to) {
        if (to - from == 1 && text.charAt(from) < ONE_CHAR.length) {
            return ONE_CHAR[text.charAt(from)];
        }
        return text.substring(from, to);
    }

    /** As {@link #unique(String, int, int)}, from UTF-8 bytes. */
    static String unique(byte[] bytes, int from, int length) {
        if (length == 1 && bytes[from] >= 0) {
            return ONE_CHAR[bytes[from]];
        }
        return new String(bytes, from, length, StandardCharsets.UTF_8);
    }
}
