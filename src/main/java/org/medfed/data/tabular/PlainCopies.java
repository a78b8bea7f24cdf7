package org.medfed.data.tabular;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable copies for the summary records that keep the order they were given in (Map.copyOf does not), so
 * that a summary serialises the same way every time and lists columns in the table's order.
 */
final class PlainCopies {

    private PlainCopies() {
    }

    static <V> Map<String, V> map(Map<String, V> in) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(in));
    }

    static Map<String, List<String>> mapOfLists(Map<String, List<String>> in) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    static Map<String, Map<String, Integer>> mapOfCounts(Map<String, Map<String, Integer>> in) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, map(v)));
        return Collections.unmodifiableMap(out);
    }
}
