package org.medfed.gui.common;

import java.util.List;
import java.util.Locale;

/**
 * Finds a hospital by part of its name, in a table's order: a study of hundreds of hospitals is not scrolled
 * through to find one (the Participants screen, the Algorithm screen's speeds).
 */
public final class HospitalFinder {

    /**
     * The hospital found: its index in the table, which match it is (1-based, in table order) and how many names
     * match.
     */
    public record Found(int index, int match, int matches) {
    }

    private HospitalFinder() {
    }

    /**
     * The first name after {@code after} (-1: from the top) that holds {@code text}, ignoring case, wrapping round
     * to the top; null when no name holds it.
     */
    public static Found find(List<String> names, String text, int after) {
        String wanted = text.toLowerCase(Locale.ROOT);
        int matches = 0;
        int first = -1;
        int firstMatch = 0;
        int next = -1;
        int nextMatch = 0;
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).toLowerCase(Locale.ROOT).contains(wanted)) {
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
            return null;
        }
        return next >= 0 ? new Found(next, nextMatch, matches) : new Found(first, firstMatch, matches);
    }

    /** What a search found, for the line beside its field: "3 of 20 matches (Enter: the next)", or that none did. */
    public static String status(Found found, String text) {
        if (found == null) {
            return "No hospital's name holds \"" + text + "\"";
        }
        return found.matches() == 1 ? "The only match"
                : String.format(Locale.ROOT, "%,d of %,d matches (Enter: the next)", found.match(), found.matches());
    }
}
