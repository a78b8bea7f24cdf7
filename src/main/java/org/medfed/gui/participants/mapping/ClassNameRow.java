package org.medfed.gui.participants.mapping;

/** A class of the outcome as the hospitals code it (after their mappings), and the name tables and charts show. */
public record ClassNameRow(String level, String shownAs) {
}
