package org.medfed.data.csv;

import java.util.LinkedHashMap;
import java.util.List;
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
        Map<String, Integer> levels = new TreeMap<>(TableProfiler::compareLevels);
        boolean tooMany = false;
        for (int r = 0; r < table.rowCount(); r++) {
            String v = table.value(r, c);
            if (v == null) {
                missing++;
                continue;
            }
            present++;
            if (CsvReader.isNumber(v)) {
                // Infinity, 1e309: counted as numbers of the column, which reading for training then refuses
                double d = CsvNumber.anyValue(v);
                numbers++;
                sum += d;
                min = Math.min(min, d);
                max = Math.max(max, d);
            } else if (firstText == null) {
                firstText = v;
                firstTextLine = table.lineNumbers()[r];
            }
            if (!tooMany) {
                levels.merge(v, 1, Integer::sum);
                if (levels.size() > ColumnProfile.MAX_LEVELS) {
                    tooMany = true;
                }
            }
        }
        ColumnType type = present > 0 && numbers == present ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
        int distinct = tooMany ? -1 : levels.size();
        return new ColumnProfile(table.columns().get(c), type, present, missing, distinct,
                numbers > 0 ? min : Double.NaN, numbers > 0 ? max : Double.NaN, numbers > 0 ? sum / numbers : Double.NaN,
                firstText, firstTextLine, tooMany ? Map.of() : levels);
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
