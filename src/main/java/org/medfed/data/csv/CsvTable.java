package org.medfed.data.csv;

import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;

/**
 * A CSV file as read: column names, and each row's values (null where missing) with the line it came from, so that
 * later errors can name the line. Values are kept by column, each read once ({@link CsvColumn}): ask for
 * {@link #number} rather than parsing {@link #value} again.
 */
public final class CsvTable {

    private final Path file;
    private final List<String> columns;
    private final CsvColumn[] data;
    private final int[] lineNumbers;
    private final boolean hadHeader;
    private final java.util.Map<String, Integer> indexOfColumn = new java.util.HashMap<>();

    /** A table of rows built in memory (a hospital's mapping applied, phenotypes joined to genotypes). */
    public CsvTable(Path file, List<String> columns, List<String[]> rows, int[] lineNumbers, boolean hadHeader) {
        this(file, columns, columnsOf(columns.size(), rows), lineNumbers, hadHeader);
    }

    CsvTable(Path file, List<String> columns, CsvColumn[] data, int[] lineNumbers, boolean hadHeader) {
        this.file = file;
        this.columns = List.copyOf(columns);
        this.data = data;
        this.lineNumbers = lineNumbers;
        this.hadHeader = hadHeader;
        for (int i = this.columns.size() - 1; i >= 0; i--) {
            indexOfColumn.put(this.columns.get(i), i); // the first of two equal names, as List.indexOf
        }
        for (CsvColumn c : data) {
            if (c.size() != lineNumbers.length) {
                throw new IllegalArgumentException(c.size() + " values for " + lineNumbers.length + " rows");
            }
        }
    }

    private static CsvColumn[] columnsOf(int width, List<String[]> rows) {
        CsvColumn[] out = new CsvColumn[width];
        for (int c = 0; c < width; c++) {
            out[c] = new CsvColumn();
            for (String[] row : rows) {
                out[c].add(row[c]);
            }
            out[c].finish(false);
        }
        return out;
    }

    public Path file() {
        return file;
    }

    public List<String> columns() {
        return columns;
    }

    public int[] lineNumbers() {
        return lineNumbers;
    }

    public boolean hadHeader() {
        return hadHeader;
    }

    public int rowCount() {
        return lineNumbers.length;
    }

    /** The index of the column named {@code column}, -1 when there is none. */
    public int columnIndex(String column) {
        return indexOfColumn.getOrDefault(column, -1);
    }

    public Optional<Integer> findColumn(String column) {
        int i = columnIndex(column);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    /** The value at row {@code row}, column {@code column} as written (trimmed); null when missing. */
    public String value(int row, int column) {
        return data[column].text(row);
    }

    /** Whether the value is missing (empty or a missing-value token), without making its text. */
    public boolean isMissing(int row, int column) {
        return data[column].isMissing(row);
    }

    /** The value as a number when it is written as one ({@link #isNumber}): read once, never parsed again. */
    public double number(int row, int column) {
        return data[column].number(row);
    }

    /** Whether the value is written as a number ({@link CsvNumber#looksNumeric}); false when missing. */
    public boolean isNumber(int row, int column) {
        return data[column].looksNumeric(row);
    }

    /**
     * What keeps the value from being a number for training ({@link CsvNumber#problem}: "column 'bp' is '1e309',
     * which is not a finite number..."), or null when it is one or is missing.
     */
    public String numberProblem(int row, int column) {
        return data[column].numberProblem(row, columns.get(column));
    }

    /** One row's values, in column order (a copy). */
    public String[] row(int row) {
        String[] out = new String[data.length];
        for (int c = 0; c < data.length; c++) {
            out[c] = data[c].text(row);
        }
        return out;
    }

    /** The rows as a list whose elements are made when asked for: for previews and copies, not for computing. */
    public List<String[]> rows() {
        return new AbstractList<>() {
            @Override
            public String[] get(int index) {
                return row(index);
            }

            @Override
            public int size() {
                return rowCount();
            }
        };
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
