package org.medfed.data.tabular;

import java.util.Map;

/** Per numeric column, how many values are present in a participant's training rows and their sum. */
public record NumericSummary(Map<String, Long> counts, Map<String, Double> sums) {
}
