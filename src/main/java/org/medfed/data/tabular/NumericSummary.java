package org.medfed.data.tabular;

import java.util.Map;

/**
 * Per numeric feature column, how many values are present in a hospital's training rows and their sum: what the
 * pooled mean that fills missing values is computed from. Leaves the hospital: a count and a sum per column.
 */
public record NumericSummary(Map<String, Long> counts, Map<String, Double> sums) {

    public NumericSummary {
        counts = PlainCopies.map(counts);
        sums = PlainCopies.map(sums);
    }
}
