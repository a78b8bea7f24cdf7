package org.medfed.gui.participants;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.medfed.data.csv.ColumnProfile;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.TableProfiler;

/**
 * A hospital's data file as read for the preview: the table in the study's terms (after the hospital's mapping)
 * and its column profiles, the table as the file has it (for the mapping editor), or the plain reason it could not
 * be read.
 */
public record DataFileSummary(Path file, CsvTable table, Map<String, ColumnProfile> profiles, String problem,
                              CsvTable raw) {

    /** A file read without a mapping. */
    public DataFileSummary(Path file, CsvTable table, Map<String, ColumnProfile> profiles, String problem) {
        this(file, table, profiles, problem, table);
    }

    public static DataFileSummary failed(Path file, String problem) {
        return new DataFileSummary(file, null, Map.of(), problem, null);
    }

    public boolean ok() {
        return table != null;
    }

    /**
     * "0: 224 (56%) · 1: 176 (44%)" for the label column, or empty: the label's values counted by the class each
     * stands for ({@code classOf}: null for a value that fits none), each class shown by its display name.
     */
    public String balance(String label, UnaryOperator<String> classOf, UnaryOperator<String> className) {
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
        classCounts(p, classOf).forEach((cls, n) -> {
            if (sb.length() > 0) {
                sb.append(" · ");
            }
            sb.append(cls == null ? "not a class" : className.apply(cls)).append(": ").append(n);
            if (total > 0) {
                sb.append(" (").append(Math.round(100.0 * n / total)).append("%)");
            }
        });
        if (p.missing() > 0) {
            sb.append(" · missing: ").append(p.missing());
        }
        return sb.toString();
    }

    /** The label's counts by class, in the order of the classes; values that fit no class under the null key, last. */
    public static Map<String, Integer> classCounts(ColumnProfile label, UnaryOperator<String> classOf) {
        Map<String, Integer> counts = new TreeMap<>(Comparator.nullsLast(TableProfiler::compareLevels));
        label.levelCounts().forEach((level, n) -> counts.merge(classOf.apply(level), n, Integer::sum));
        return counts;
    }
}
