package org.medfed.data.csv;

/** Whether the first row of a CSV file names the columns. */
public enum HeaderMode {
    /** Decide from the file: a first row with text where the rows below have numbers is a header. */
    AUTO,
    YES,
    NO
}
