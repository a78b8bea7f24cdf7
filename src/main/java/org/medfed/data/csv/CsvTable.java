package org.medfed.data.csv;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A CSV file as read: column names, and each row's raw values (null where missing) with the line it came
 * from, so that later errors can name the line.
 */
public record CsvTable(Path file, List<String> columns, List<String[]> rows, int[] lineNumbers, boolean hadHeader) {

    public CsvTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public int rowCount() {
        return rows.size();
    }

    public int columnIndex(String column) {
        return columns.indexOf(column);
    }

    public Optional<Integer> findColumn(String column) {
        int i = columns.indexOf(column);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    /** The raw value at row {@code row}, column {@code column}; null when missing. */
    public String value(int row, int column) {
        return rows.get(row)[column];
    }

    /** "line 17", for messages. */
    public String line(int row) {
        return "line " + lineNumbers[row];
    }

    public String fileName() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
