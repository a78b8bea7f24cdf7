package org.medfed.gui.participants.mapping;

/**
 * A column of the hospital's file in the mapping editor: its name in the file, its name in the study, the factor
 * its numbers are multiplied by (empty: none), and the values that mean it was not recorded (empty: none).
 */
public record ColumnMapRow(String fileColumn, String studyName, String factor, boolean numeric, String notRecorded) {
}
