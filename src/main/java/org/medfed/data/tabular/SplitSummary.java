package org.medfed.data.tabular;

/** The sizes of a hospital's own train/test split. Leaves the hospital: two counts. */
public record SplitSummary(int trainRows, int testRows) {
}
