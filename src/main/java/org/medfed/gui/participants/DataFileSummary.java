package org.medfed.gui.participants;

import java.nio.file.Path;
import java.util.Map;
import org.medfed.data.csv.ColumnProfile;
import org.medfed.data.csv.CsvTable;

/**
 * A hospital's data file as read for the preview: the table and its column profiles, or the plain reason it
 * could not be read.
 */
public record DataFileSummary(Path file, CsvTable table, Map<String, ColumnProfile> profiles, String problem) {

    public static DataFileSummary failed(Path file, String problem) {
        return new DataFileSummary(file, null, Map.of(), problem);
    }

    public boolean ok() {
        return table != null;
    }

    /** "224 × 0, 176 × 1" for the label column, or empty. */
    public String balance(String label) {
        if (!ok() || label == null) {
            return "";
        }
        ColumnProfile p = profiles.get(label);
        if (p == null) {
            return "no column '" + label + "'";
        }
        if (p.levelCounts().isEmpty()) {
            return p.distinct() < 0 ? "more than " + ColumnProfile.MAX_LEVELS + " values" : "";
        }
        StringBuilder sb = new StringBuilder();
        int total = p.present();
        p.levelCounts().forEach((level, n) -> {
            if (sb.length() > 0) {
                sb.append(" · ");
            }
            sb.append(level).append(": ").append(n);
            if (total > 0) {
                sb.append(" (").append(Math.round(100.0 * n / total)).append("%)");
            }
        });
        if (p.missing() > 0) {
            sb.append(" · missing: ").append(p.missing());
        }
        return sb.toString();
    }
}
