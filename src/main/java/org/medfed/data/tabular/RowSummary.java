package org.medfed.data.tabular;

/**
 * How many rows a hospital keeps once the feature types are agreed: rows with a label, and when the study drops
 * incomplete rows, only the complete ones. Leaves the hospital: three counts.
 */
public record RowSummary(int usableRows, int droppedForMissingLabel, int droppedForMissingValues) {
}
