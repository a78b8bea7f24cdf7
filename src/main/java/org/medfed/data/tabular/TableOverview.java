package org.medfed.data.tabular;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a hospital's node agrees to tell the researcher about its table before a study starts, so that the
 * workbench can show the hospital beside those whose files are here and run the cross-hospital check: how many
 * rows, the {@link SchemaSummary} (columns, inferred types, present and missing counts), and the label's balance.
 * Leaves the hospital: counts only, and of the label's values only those of at least the hospital's minimum
 * count (the rarer ones are counted together in {@code withheldLabelValues}, their names and counts withheld).
 *
 * @param rows                the table's rows (before any is dropped for missing values)
 * @param label               the study's label column, or null when the study has none yet
 * @param labelCounts         rows per label value, for the values with at least {@code minimumCount} rows; empty
 *                            when the table has no such column or it has too many values to count
 * @param withheldLabelValues how many label values were left out because fewer rows than the minimum carry them
 * @param minimumCount        the hospital's smallest count that may leave (1: every count does)
 */
public record TableOverview(int rows, SchemaSummary schema, String label, Map<String, Integer> labelCounts,
                            int withheldLabelValues, int minimumCount) {

    public TableOverview {
        labelCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labelCounts));
    }

    /** The label's balance in words, as a hospitals table shows it: "disease 120 (40%), healthy 180 (60%)". */
    public String balanceText() {
        if (label == null || label.isBlank()) {
            return "";
        }
        if (labelCounts.isEmpty()) {
            return withheldLabelValues > 0 ? "withheld (every count under " + minimumCount + ")" : "no column '" + label + "'";
        }
        StringBuilder b = new StringBuilder();
        // "0: 224 (56%) · 1: 176 (44%)", as a table read here shows its balance: "0 224, 1 176" read as 1,176
        labelCounts.forEach((value, n) -> b.append(b.length() == 0 ? "" : " · ").append(value).append(": ").append(n)
                .append(" (").append(Math.round(100.0 * n / Math.max(1, rows))).append("%)"));
        if (withheldLabelValues > 0) {
            b.append(" · ").append(withheldLabelValues).append(withheldLabelValues == 1 ? " value" : " values")
                    .append(" under ").append(minimumCount).append(" withheld");
        }
        return b.toString();
    }
}
