package org.medfed.gui.participants.mapping;

/**
 * A value of the outcome or of a column of categories at the hospital, how many rows have it, and the value it
 * becomes in the study (empty: stays as it is).
 */
public record ValueMapRow(String column, String value, int rows, String becomes) {
}
