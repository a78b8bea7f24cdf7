package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvTable;
import org.medfed.engine.BadInputException;

/**
 * Turns rows of one table into model input as {@link FittedPreprocessing} says, with the table's numbers as they
 * were read (never parsed again) and the features' columns found once.
 */
public final class RowEncoder {

    private final CsvTable table;
    private final int[] columns;
    private final int inputSize;
    // the features' settings in arrays, read for every value of every row
    private final FeatureColumn[] features;
    private final boolean[] numeric;
    private final int[] widths;
    /** Per categorical feature, each known level's input slot among the feature's (-1: the dropped first level). */
    private final List<Map<String, Integer>> slots = new ArrayList<>();

    RowEncoder(FittedPreprocessing prep, CsvTable table) {
        this.table = table;
        this.features = prep.features().toArray(FeatureColumn[]::new);
        this.columns = prep.features().stream().mapToInt(f -> table.columnIndex(f.name())).toArray();
        this.inputSize = prep.inputSize();
        this.numeric = new boolean[features.length];
        this.widths = new int[features.length];
        for (int i = 0; i < features.length; i++) {
            FeatureColumn f = features[i];
            numeric[i] = f.type() == ColumnType.NUMERIC;
            widths[i] = f.width();
            Map<String, Integer> slot = new HashMap<>();
            for (String level : f.levels()) {
                slot.put(level, f.encodedLevels().indexOf(level));
            }
            slots.add(slot);
        }
    }

    /**
     * The encoded, unstandardised features of row {@code row}. Errors name the file and line
     * ("hospital-b.csv line 17: ...").
     */
    public float[] encode(int row, boolean imputeMissing) {
        float[] x = new float[inputSize];
        int offset = 0;
        for (int i = 0; i < columns.length; i++) {
            FeatureColumn f = features[i];
            int c = columns[i];
            if (numeric[i]) {
                double v;
                if (table.isMissing(row, c)) {
                    if (!imputeMissing) {
                        throw bad(row, "column '" + f.name() + "' is missing a value");
                    }
                    v = f.imputeNumber();
                } else {
                    String problem = table.numberProblem(row, c);
                    if (problem != null) {
                        throw bad(row, problem);
                    }
                    v = table.number(row, c);
                }
                x[offset++] = (float) v;
            } else {
                String raw = table.value(row, c);
                String level = raw == null ? (imputeMissing ? f.imputeLevel() : null) : LabelRule.canonical(table, row, c);
                if (level == null) {
                    throw bad(row, "column '" + f.name() + "' is missing a value");
                }
                Integer slot = slots.get(i).get(level);
                if (slot == null) {
                    throw bad(row, "column '" + f.name() + "' has the value '" + raw
                            + "', which no hospital had in training; known values: " + String.join(", ", f.levels()));
                }
                if (slot >= 0) {
                    x[offset + slot] = 1f;
                }
                offset += widths[i];
            }
        }
        return x;
    }

    private BadInputException bad(int row, String problem) {
        return new BadInputException(table.fileName() + " " + table.line(row) + ": " + problem);
    }
}
