package org.medfed.gui.common;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Finds a hospital by part of its name, in a table's order, and says what it found: a study of hundreds of
 * hospitals is not scrolled through to find one (the Participants screen, the Algorithm screen's speeds).
 */
public final class HospitalFinder {

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /**
     * The index of the first name after {@code after} (-1: from the top) that holds {@code text} (ignoring case,
     * wrapping round to the top), or -1 when none does or nothing is searched; {@link #statusProperty()} then says
     * which of how many it is ("3 of 20 matches (Enter: the next)"), or that none matches.
     */
    public int find(List<String> names, String text, int after) {
        String wanted = text == null ? "" : text.strip();
        if (wanted.isEmpty()) {
            status.set("");
            return -1;
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        int matches = 0;
        int first = -1;
        int firstMatch = 0;
        int next = -1;
        int nextMatch = 0;
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).toLowerCase(Locale.ROOT).contains(lower)) {
                continue;
            }
            matches++;
            if (first < 0) {
                first = i;
                firstMatch = matches;
            }
            if (next < 0 && i > after) {
                next = i;
                nextMatch = matches;
            }
        }
        if (matches == 0) {
            status.set("No hospital's name holds \"" + wanted + "\"");
            return -1;
        }
        int match = next >= 0 ? nextMatch : firstMatch;
        status.set(matches == 1 ? "The only match"
                : String.format(Locale.ROOT, "%,d of %,d matches (Enter: the next)", match, matches));
        return next >= 0 ? next : first;
    }

    /** What the last search found, empty when nothing is searched. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
