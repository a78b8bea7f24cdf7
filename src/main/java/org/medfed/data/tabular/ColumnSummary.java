package org.medfed.data.tabular;

import org.medfed.data.csv.ColumnType;

/**
 * What a hospital says about one column it may use as a feature, so that the coordinator can agree on its type
 * and explain a disagreement. Leaves the hospital: the column's name, the type its values look like
 * ({@code "numeric"} or {@code "categorical"}), how many values are present and missing, whether it is mostly
 * numbers with a few words (a typo to fix), and for a column that is not all numbers its first value that is
 * not a number with its line: the example the schema check's messages show. No other value of the column.
 *
 * @param inferredType  {@code "numeric"} when every present value is a number, else {@code "categorical"}
 * @param mostlyNumbers at least 80 % of the present values (and at least 4) are numbers, but not all
 * @param firstText     the first value that is not a number, or null when there is none
 * @param firstTextLine the line of {@code firstText} in the file, 0 when there is none
 */
public record ColumnSummary(String name, String inferredType, int present, int missing, boolean mostlyNumbers,
                            String firstText, int firstTextLine) {

    public ColumnType type() {
        return ColumnType.parse(inferredType);
    }
}
