package org.medfed.data.csv;

import java.util.Set;

/**
 * The missing-value tokens of a {@link CsvFormat}, asked of every value read: a value whose first character starts
 * no token is answered without hashing it, which is most numbers.
 */
final class MissingTokens {

    private final Set<String> tokens;
    private final boolean empty;
    /** Whether some token starts with this (ASCII) character. */
    private final boolean[] startsAToken = new boolean[128];

    MissingTokens(Set<String> tokens) {
        this.tokens = tokens;
        this.empty = tokens.contains("");
        for (String t : tokens) {
            if (!t.isEmpty() && t.charAt(0) < 128) {
                startsAToken[t.charAt(0)] = true;
            }
        }
    }

    /** Whether {@code value} (already trimmed) is one of the tokens. */
    boolean contains(String value) {
        if (value.isEmpty()) {
            return empty;
        }
        char first = value.charAt(0);
        return (first >= 128 || startsAToken[first]) && tokens.contains(value);
    }
}
