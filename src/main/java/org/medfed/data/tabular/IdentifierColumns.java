package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.medfed.data.csv.CsvTable;

/**
 * Whether a column looks like it identifies patients rather than describes them: by its name ("patient_id"), or by
 * its values in one table. A study leaves such a column out of the features unless told to keep it.
 */
public final class IdentifierColumns {

    private static final Set<String> ID_WORDS = Set.of("id", "ids", "mrn", "uuid", "guid", "identifier");
    private static final Set<String> SUBJECTS = Set.of("patient", "sample", "record", "subject", "case", "specimen",
            "person", "participant");
    private static final Set<String> NUMBER_WORDS = Set.of("id", "no", "nr", "num", "number", "code");

    private IdentifierColumns() {
    }

    /** Why a column of {@code table} looks like an identifier, in words ("its name"), or null. */
    public static String reason(CsvTable table, String column) {
        if (byName(column)) {
            return "its name";
        }
        int c = table.columnIndex(column);
        return byValues(table, c)
                ? (table.isNumber(0, c) ? "a different whole number on every row" : "a different value on every row")
                : null;
    }

    /** "patient_id", "MRN", "Sample code number". */
    public static boolean byName(String column) {
        List<String> words = words(column);
        if (words.isEmpty()) {
            return false;
        }
        String last = words.get(words.size() - 1);
        return ID_WORDS.contains(last) || (SUBJECTS.contains(words.get(0)) && NUMBER_WORDS.contains(last));
    }

    /** "patientId" and "Patient ID" and "patient_id" as [patient, id]. */
    static List<String> words(String column) {
        List<String> out = new ArrayList<>();
        String spaced = column.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
        for (String w : spaced.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * Every row has a value and no two share one, the values are text or whole numbers (a measurement with
     * decimals can be unique by chance), and there are enough rows for that to mean something.
     */
    public static boolean byValues(CsvTable table, int column) {
        if (table.rowCount() < ColumnSummary.IDENTIFIER_MIN_ROWS) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String v = table.value(r, column);
            if (v == null || !seen.add(v)) {
                return false;
            }
            if (table.isNumber(r, column) && table.number(r, column) != Math.rint(table.number(r, column))) {
                return false;
            }
        }
        return true;
    }
}
