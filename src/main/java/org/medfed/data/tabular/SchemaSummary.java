package org.medfed.data.tabular;

import java.util.List;
import java.util.Optional;

/**
 * A hospital's answer to the first step, before any row is chosen: which columns its table has, what the columns
 * it may use as features look like, and how it codes the outcome. Leaves the hospital: the file's name (for
 * messages), every column's name in the file's order, a {@link ColumnSummary} of each column the study may use as a
 * feature, and the class names its label values make (the same names the level step sends; sent first so that
 * different codings are found before anything is agreed). The dropped columns are named only.
 *
 * @param fileName    the data file's name without its folder, as messages show it
 * @param columns     every column of the table, in the file's order
 * @param features    a summary of each column that may be a feature, in the file's order
 * @param labelValues the class names of the rows that have a label, in level order; empty when the table has no
 *                    label column
 */
public record SchemaSummary(String fileName, List<String> columns, List<ColumnSummary> features,
                            List<String> labelValues) {

    public SchemaSummary {
        columns = List.copyOf(columns);
        features = List.copyOf(features);
        labelValues = labelValues == null ? List.of() : List.copyOf(labelValues);
    }

    /** A summary that says nothing of the label's values. */
    public SchemaSummary(String fileName, List<String> columns, List<ColumnSummary> features) {
        this(fileName, columns, features, List.of());
    }

    public boolean hasColumn(String column) {
        return columns.contains(column);
    }

    /** The summary of a feature column, empty when the table does not have it. */
    public Optional<ColumnSummary> feature(String column) {
        return features.stream().filter(c -> c.name().equals(column)).findFirst();
    }
}
