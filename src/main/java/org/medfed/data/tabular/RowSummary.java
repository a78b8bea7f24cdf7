package org.medfed.data.tabular;

/**
 * How many rows a hospital keeps once the feature types are agreed: rows with a label, and when the study drops
 * incomplete rows, only the complete ones. Leaves the hospital: three counts.
 */
public record RowSummary(int usableRows, int droppedForMissingLabel, int droppedForMissingValues) {

    /** Incomplete rows left out that make a warning before a run: a fifth of the hospital's rows or more. */
    private static final int WARN_DIVISOR = 5;

    /**
     * What these counts mean for {@code participant} before a run: an error when it has no row to train on (the
     * run stops on it), a warning when dropping incomplete rows leaves out a fifth of its rows or more, else null.
     */
    public SchemaProblem problem(String participant, MissingPolicy missing) {
        boolean dropping = missing == MissingPolicy.DROP_ROWS;
        if (usableRows == 0 && droppedForMissingLabel == 0 && droppedForMissingValues == 0) {
            return new SchemaProblem(participant, null, SchemaProblem.Severity.ERROR, "its file has no data rows, "
                    + "only a header");
        }
        if (usableRows == 0) {
            return new SchemaProblem(participant, null, SchemaProblem.Severity.ERROR, "no usable rows: "
                    + droppedForMissingLabel + " without a label, " + droppedForMissingValues + " with missing values"
                    + (dropping ? " (choose to impute missing values instead)" : ""));
        }
        int all = usableRows + droppedForMissingLabel + droppedForMissingValues;
        if (dropping && droppedForMissingValues > 0 && (long) droppedForMissingValues * WARN_DIVISOR >= all) {
            return new SchemaProblem(participant, null, SchemaProblem.Severity.WARNING, "only " + usableRows + " of "
                    + all + " rows are used: " + droppedForMissingValues + " left out for a missing value"
                    + (droppedForMissingLabel > 0 ? ", " + droppedForMissingLabel + " for a missing label" : "")
                    + " (impute missing values to keep " + (droppedForMissingValues == 1 ? "it" : "them") + ")");
        }
        return null;
    }
}
