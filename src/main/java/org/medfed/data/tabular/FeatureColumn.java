package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.List;
import org.medfed.data.csv.ColumnType;

/**
 * One input column as the model sees it, agreed by all participants: its type, and for categories the levels
 * (the union over participants) that become one-hot columns; plus the value that fills a missing cell.
 *
 * @param imputeNumber pooled mean of a numeric column (used when the policy imputes, and by predict)
 * @param imputeLevel  pooled most frequent level of a categorical column
 */
public record FeatureColumn(String name, ColumnType type, List<String> levels, boolean dropFirstLevel,
                            double imputeNumber, String imputeLevel) {

    public FeatureColumn {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public static FeatureColumn numeric(String name, double imputeNumber) {
        return new FeatureColumn(name, ColumnType.NUMERIC, List.of(), false, imputeNumber, null);
    }

    /** Levels that get a column: all, or all but the first. */
    public List<String> encodedLevels() {
        if (type != ColumnType.CATEGORICAL) {
            return List.of();
        }
        return dropFirstLevel && !levels.isEmpty() ? levels.subList(1, levels.size()) : levels;
    }

    /** Names of the model inputs this column becomes: "age", or "cp=2", "cp=3", ... */
    public List<String> encodedNames() {
        if (type == ColumnType.NUMERIC) {
            return List.of(name);
        }
        List<String> out = new ArrayList<>();
        for (String level : encodedLevels()) {
            out.add(name + "=" + level);
        }
        return out;
    }

    public int width() {
        return type == ColumnType.NUMERIC ? 1 : encodedLevels().size();
    }
}
