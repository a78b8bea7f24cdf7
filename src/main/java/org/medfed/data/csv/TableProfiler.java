package org.medfed.data.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Profiles the columns of a CSV table: inferred types, missing counts, ranges, level counts. */
public final class TableProfiler {

    private TableProfiler() {
    }

    public static Map<String, ColumnProfile> profile(CsvTable table) {
        Map<String, ColumnProfile> out = new LinkedHashMap<>();
        List<String> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            out.put(columns.get(c), profileColumn(table, c));
        }
        return out;
    }

    static ColumnProfile profileColumn(CsvTable table, int c) {
        int present = 0;
        int missing = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int numbers = 0;
        String firstText = null;
        int firstTextLine = 0;
        // counted by text, ordered once at the end: a map ordered by compareLevels would compare (and so read
        // numbers) on every row
        Map<String, Integer> levels = new HashMap<>();
        boolean tooMany = false;
        for (int r = 0; r < table.rowCount(); r++) {
            if (table.isMissing(r, c)) {
                missing++;
                continue;
            }
            present++;
            if (table.isNumber(r, c)) {
                // Infinity, 1e309: counted as numbers of the column, which reading for training then refuses
                double d = table.number(r, c);
                numbers++;
                sum += d;
                min = Math.min(min, d);
                max = Math.max(max, d);
            } else if (firstText == null) {
                firstText = table.value(r, c);
                firstTextLine = table.lineNumbers()[r];
            }
            if (!tooMany) {
                levels.merge(table.value(r, c), 1, Integer::sum);
                if (levels.size() > ColumnProfile.MAX_LEVELS) {
                    tooMany = true;
                }
            }
        }
        ColumnType type = present > 0 && numbers == present ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
        int distinct = tooMany ? -1 : levels.size();
        Map<String, Integer> ordered = new TreeMap<>(TableProfiler::compareLevels);
        if (!tooMany) {
            ordered.putAll(levels);
        }
        return new ColumnProfile(table.columns().get(c), type, present, missing, distinct,
                numbers > 0 ? min : Double.NaN, numbers > 0 ? max : Double.NaN, numbers > 0 ? sum / numbers : Double.NaN,
                firstText, firstTextLine, tooMany ? Map.of() : ordered);
    }

    /** Numeric levels in numeric order ("2.0" before "10.0"), text after them alphabetically. */
    public static int compareLevels(String a, String b) {
        boolean an = CsvReader.isNumber(a);
        boolean bn = CsvReader.isNumber(b);
        if (an && bn) {
            int cmp = Double.compare(CsvNumber.anyValue(a), CsvNumber.anyValue(b));
            return cmp != 0 ? cmp : a.compareTo(b);
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
