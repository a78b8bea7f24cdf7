package org.medfed.io;

import java.util.List;

/** Names listed in a sentence: "a", "a and b", "a, b and c". */
public final class EnglishList {

    private EnglishList() {
    }

    public static String of(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no names to list");
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
