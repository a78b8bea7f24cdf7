package org.medfed.data.csv;

import java.util.Map;

/**
 * What one column of one file looks like: its inferred type, missing and distinct counts, the range of its
 * numbers, and the first value that is not a number (with its line) to explain a type.
 *
 * @param levelCounts counts per distinct value, kept for columns with few distinct values (else empty)
 */
public record ColumnProfile(String name, ColumnType inferredType, int present, int missing, int distinct, double min,
                            double max, double mean, String firstText, int firstTextLine,
                            Map<String, Integer> levelCounts) {

    /** Columns with at most this many distinct values keep their level counts. */
    public static final int MAX_LEVELS = 50;
}
