package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfed.data.csv.ColumnProfile;
import org.medfed.data.csv.CsvTable;

/**
 * The columns of a table that could be a classification's label: 2 to {@link #MAX_CLASSES} values, and not an
 * identifier. Shown when no label is chosen yet (inspect, the Task and model screen): a file such as the Wisconsin
 * breast-cancer one has its diagnosis second and a measurement last.
 */
public final class LabelCandidates {

    /** A candidate has at least two classes and at most this many. */
    public static final int MAX_CLASSES = 10;

    private LabelCandidates() {
    }

    /** "column2 (B, M)" for each candidate but {@code besides} (null: none left out), in the file's order. */
    public static List<String> of(CsvTable table, Map<String, ColumnProfile> profiles, String besides) {
        List<String> out = new ArrayList<>();
        for (ColumnProfile p : profiles.values()) {
            if (!p.name().equals(besides) && p.distinct() >= 2 && p.distinct() <= MAX_CLASSES
                    && IdentifierColumns.reason(table, p.name()) == null) {
                out.add(p.name() + " (" + String.join(", ", p.levelCounts().keySet()) + ")");
            }
        }
        return out;
    }
}
