package org.medfed.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.medfed.data.csv.CsvFormat;
import org.medfed.project.CsvOptions;
import picocli.CommandLine.Option;

/**
 * How the commands that read one table file (inspect, split) read it: the options of a participant's {@code "csv"}
 * in a study file and of the workbench's Import options, so that a file the workbench reads can be inspected and
 * split as it is (a European export without a header, say).
 */
final class TableReadingOptions {

    @Option(names = "--separator", description = "CSV: separator (default , and tab for .tsv; 'tab' for tabs)")
    String separator;

    @Option(names = "--header", paramLabel = "auto|yes|no",
            description = "CSV: whether the first row names the columns (default auto: judged from the rows)")
    String header;

    @Option(names = "--column-names", split = ",", paramLabel = "NAMES",
            description = "CSV: the names of the columns of a file without a header row, in order")
    List<String> columnNames;

    @Option(names = "--decimal-comma", description = "CSV: numbers are written with a decimal comma (3,5 for 3.5)")
    boolean decimalComma;

    @Option(names = "--encoding", description = "CSV: the file's text encoding (default UTF-8; often windows-1252)")
    String encoding;

    @Option(names = "--missing-values", split = ",", paramLabel = "TEXTS",
            description = "CSV: the texts that mean a value is missing (default: empty, ?, NA, N/A, NaN, null)")
    List<String> missingValues;

    /** The options given, as a study file would hold them. */
    CsvOptions options() {
        return new CsvOptions(separator, header, decimalComma ? Boolean.TRUE : null, encoding, null, missingValues,
                columnNames);
    }

    /** How {@code file} is read: the options given over the defaults (tabs for a .tsv without --separator). */
    CsvFormat format(Path file) {
        CsvFormat base = CsvFormat.defaults();
        if (separator == null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv")) {
            base = base.withSeparator('\t');
        }
        if (columnNames != null && header == null) {
            base = base.withHeader(org.medfed.data.csv.HeaderMode.NO); // names given: the first row is data
        }
        return options().over(base);
    }
}
