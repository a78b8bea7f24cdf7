package org.medfed.data.tabular;

import java.util.Map;
import java.util.Set;

/**
 * What a participant tells the others about its categories before training: which levels each categorical
 * column and the label take, and how often each level occurs in its training rows (for the pooled mode).
 * Counts, never rows.
 */
public record LevelSummary(Map<String, Set<String>> levels, Map<String, Map<String, Integer>> trainCounts,
                           Set<String> classes) {
}
