package org.medfed.gui.participants;

/** A line of the preview's column table: what one column of the chosen hospital's file looks like. */
public record ColumnRow(String column, String type, int missing, String distinct, String range, String role,
                        String problem) {
}
