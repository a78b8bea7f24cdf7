package org.medfed.data.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.medfed.io.AtomicFiles;
import org.medfed.io.FileProblem;

/** Writes tables as CSV (header row, comma, quotes where needed; missing values as empty fields), atomically. */
public final class CsvWriter {

    private CsvWriter() {
    }

    public static void write(Path file, List<String> columns, List<String[]> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(columns);
            for (String[] row : rows) {
                Object[] values = new Object[row.length];
                for (int i = 0; i < row.length; i++) {
                    values[i] = row[i] == null ? "" : row[i];
                }
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw FileProblem.of(file, "could not be written", e);
        }
    }
}
