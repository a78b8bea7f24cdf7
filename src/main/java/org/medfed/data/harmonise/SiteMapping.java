package org.medfed.data.harmonise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medfed.data.csv.CsvNumber;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.engine.BadInputException;

/**
 * How one hospital's table maps onto the study's columns and codes, applied in this order: columns renamed (the
 * file's name to the study's: "age_years" is "age"), values that mean "not recorded" in one column made missing
 * (by the study's column name: a cholesterol of 0), values recoded per column ("benign" is "2"), numbers multiplied
 * by a factor per column (mmol/L to mg/dL, cm to m). Values not named by a recode stay as they are; a missing value
 * stays missing.
 *
 * @param rename  file column name to study column name
 * @param recode  per study column, value at this hospital to value in the study
 * @param scale   per study column, the factor its numbers are multiplied by
 * @param missing per study column, the values that mean it was not recorded (the file's missing-value texts hold
 *                for every column; these for that column only)
 */
public record SiteMapping(Map<String, String> rename, Map<String, Map<String, String>> recode,
                          Map<String, Double> scale, Map<String, List<String>> missing) {

    public static final SiteMapping NONE = new SiteMapping(Map.of(), Map.of(), Map.of(), Map.of());

    public SiteMapping {
        rename = rename == null ? Map.of() : copy(rename);
        Map<String, Map<String, String>> codes = new LinkedHashMap<>();
        if (recode != null) {
            recode.forEach((column, values) -> {
                if (values != null && !values.isEmpty()) {
                    codes.put(column, copy(values));
                }
            });
        }
        recode = java.util.Collections.unmodifiableMap(codes);
        Map<String, List<String>> notRecorded = new LinkedHashMap<>();
        if (missing != null) {
            missing.forEach((column, values) -> {
                List<String> kept = values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                        .map(String::strip).distinct().toList();
                if (!kept.isEmpty()) {
                    notRecorded.put(column, kept);
                }
            });
        }
        missing = java.util.Collections.unmodifiableMap(notRecorded);
        scale = scale == null ? Map.of() : copy(scale);
        rename.forEach((from, to) -> {
            if (to == null || to.isBlank()) {
                throw new BadInputException("column '" + from + "' is renamed to nothing; give the study's name for it");
            }
        });
        scale.forEach((column, factor) -> {
            if (factor == null || !Double.isFinite(factor) || factor == 0) {
                throw new BadInputException("the unit factor of column '" + column + "' is " + factor
                        + ", expected a number other than 0");
            }
        });
    }

    /** A mapping that marks no value of a column as not recorded. */
    public SiteMapping(Map<String, String> rename, Map<String, Map<String, String>> recode, Map<String, Double> scale) {
        this(rename, recode, scale, Map.of());
    }

    /** The same, with {@code values} of study column {@code column} meaning "not recorded" (none: nothing marked). */
    public SiteMapping withMissing(String column, List<String> values) {
        Map<String, List<String>> next = new LinkedHashMap<>(missing);
        next.put(column, values);
        return new SiteMapping(rename, recode, scale, next);
    }

    private static <V> Map<String, V> copy(Map<String, V> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public boolean isEmpty() {
        return rename.isEmpty() && recode.isEmpty() && scale.isEmpty() && missing.isEmpty();
    }

    /** The study's name of a column of the file. */
    public String studyName(String fileColumn) {
        return rename.getOrDefault(fileColumn, fileColumn);
    }

    /**
     * The hospital's table in the study's terms. Line numbers and the file stay, so that later messages still
     * name the line of the file.
     *
     * @param hospital for messages
     * @throws BadInputException naming the hospital, the column and, for a unit factor, the line of a value that
     *                           is not a number
     */
    public CsvTable apply(CsvTable table, String hospital) {
        if (isEmpty()) {
            return table;
        }
        List<String> columns = new ArrayList<>();
        for (String from : rename.keySet()) {
            if (!table.columns().contains(from)) {
                throw new BadInputException(table.file(), null, hospital + "'s mapping renames column '" + from
                        + "', which the file does not have; its columns are " + String.join(", ", table.columns()));
            }
        }
        for (String c : table.columns()) {
            String name = studyName(c);
            if (columns.contains(name)) {
                throw new BadInputException(table.file(), null, hospital + "'s mapping gives two columns the name '"
                        + name + "'; rename one of them to another name");
            }
            columns.add(name);
        }
        for (String column : missing.keySet()) {
            requireColumn(table, columns, column, hospital, "marks values as not recorded in");
        }
        for (String column : recode.keySet()) {
            requireColumn(table, columns, column, hospital, "recodes the values of");
        }
        for (String column : scale.keySet()) {
            requireColumn(table, columns, column, hospital, "converts the unit of");
        }
        int[] missingAt = indices(columns, missing.keySet());
        int[] recodeAt = indices(columns, recode.keySet());
        int[] scaleAt = indices(columns, scale.keySet());
        List<String[]> rows = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            String[] values = table.row(r); // a copy of its own
            for (int c : missingAt) {
                if (values[c] != null && missing.get(columns.get(c)).contains(values[c].strip())) {
                    values[c] = null;
                }
            }
            for (int c : recodeAt) {
                if (values[c] != null) {
                    values[c] = recode.get(columns.get(c)).getOrDefault(values[c], values[c]);
                }
            }
            for (int c : scaleAt) {
                if (values[c] != null) {
                    if (!CsvReader.isNumber(values[c])) {
                        throw new BadInputException(table.file(), table.line(r), "column '" + columns.get(c) + "' is '"
                                + values[c] + "', expected a number to convert with the factor " + scale.get(columns.get(c)));
                    }
                    values[c] = number(CsvNumber.anyValue(values[c]) * scale.get(columns.get(c)));
                }
            }
            rows.add(values);
        }
        return new CsvTable(table.file(), columns, rows, table.lineNumbers(), table.hadHeader());
    }

    private static void requireColumn(CsvTable table, List<String> columns, String column, String hospital, String what) {
        if (!columns.contains(column)) {
            throw new BadInputException(table.file(), null, hospital + "'s mapping " + what + " column '" + column
                    + "', which the table does not have; its columns are " + String.join(", ", columns));
        }
    }

    private static int[] indices(List<String> columns, java.util.Set<String> names) {
        return names.stream().mapToInt(columns::indexOf).toArray();
    }

    /**
     * A number as plain text (a converted value, a value in a message): whole numbers without ".0", others with up
     * to 12 significant digits.
     */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }

    /** One line per change, for the model card and the screens: "rename age_years → age", "class: benign → 2". */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        rename.forEach((from, to) -> out.add("column '" + from + "' is '" + to + "'"));
        missing.forEach((column, values) -> out.add(column + ": " + values.stream().map(v -> "'" + v + "'")
                .collect(java.util.stream.Collectors.joining(", ")) + " not recorded"));
        recode.forEach((column, values) -> values.forEach((from, to) ->
                out.add(column + ": '" + from + "' is '" + to + "'")));
        scale.forEach((column, factor) -> out.add(column + " multiplied by " + String.format(Locale.ROOT, "%s", number(factor))));
        return out;
    }
}
