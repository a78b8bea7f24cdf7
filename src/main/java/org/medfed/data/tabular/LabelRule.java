package org.medfed.data.tabular;

import java.util.Locale;
import org.medfed.data.csv.CsvNumber;
import org.medfed.data.csv.CsvTable;
import org.medfed.engine.BadInputException;

/** How label values become classes. */
public enum LabelRule {
    /** Every distinct value is a class. */
    AS_IS,
    /** 0 is class 0 and any other number class 1 (heart disease: "num > 0" means disease). */
    NONZERO_POSITIVE;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static LabelRule parse(String text) {
        for (LabelRule r : values()) {
            if (r.id().equalsIgnoreCase(text) || r.name().equalsIgnoreCase(text)) {
                return r;
            }
        }
        throw new BadInputException("label rule '" + text + "' is unknown, expected as-is or nonzero-positive");
    }

    /** The class name of a raw label value, or null when the value does not fit the rule. */
    public String apply(String raw) {
        if (this == AS_IS) {
            return canonical(raw);
        }
        try {
            return Double.parseDouble(raw.trim()) == 0 ? "0" : "1";
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@link #apply(String)} of a table's (present) value, with the number read once with the table. */
    public String apply(CsvTable table, int row, int column) {
        if (this == AS_IS) {
            return canonical(table, row, column);
        }
        if (table.isNumber(row, column) && Double.isFinite(table.number(row, column))) {
            return table.number(row, column) == 0 ? "0" : "1";
        }
        return apply(table.value(row, column));
    }

    /** "1.0" and "1" name the same class. */
    static String canonical(String raw) {
        String s = raw.trim();
        return CsvNumber.looksNumeric(s) ? canonical(s, CsvNumber.anyValue(s)) : s;
    }

    /** {@link #canonical(String)} of a table's value, with the number read once with the table. */
    static String canonical(CsvTable table, int row, int column) {
        if (table.isNumber(row, column) && isWhole(table.number(row, column))) {
            return CsvNumber.wholeNumber((long) table.number(row, column));
        }
        return table.value(row, column);
    }

    private static String canonical(String text, double value) {
        return isWhole(value) ? CsvNumber.wholeNumber((long) value) : text;
    }

    private static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15;
    }
}
