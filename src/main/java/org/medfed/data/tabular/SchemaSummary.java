package org.medfed.data.tabular;

import java.util.List;
import java.util.Optional;

/**
 * A hospital's answer to the first step, before any row is chosen: which columns its table has and what the
 * columns it may use as features look like. Leaves the hospital: the file's name (for messages), every column's
 * name in the file's order, and a {@link ColumnSummary} of each column the study may use as a feature. The label
 * and the dropped columns are named only: nothing of their values leaves.
 *
 * @param fileName the data file's name without its folder, as messages show it
 * @param columns  every column of the table, in the file's order
 * @param features a summary of each column that may be a feature, in the file's order
 */
public record SchemaSummary(String fileName, List<String> columns, List<ColumnSummary> features) {

    public SchemaSummary {
        columns = List.copyOf(columns);
        features = List.copyOf(features);
    }

    public boolean hasColumn(String column) {
        return columns.contains(column);
    }

    /** The summary of a feature column, empty when the table does not have it. */
    public Optional<ColumnSummary> feature(String column) {
        return features.stream().filter(c -> c.name().equals(column)).findFirst();
    }
}
