package org.medfed.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.TableInspection;
import org.medfed.data.vcf.VcfInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medfed inspect}: what a data file holds, before it goes into a study. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Shows what a data file holds before it goes into a study.",
                "CSV: columns, inferred types, missing values, label balance.",
                "VCF / VCF.gz / BCF: samples, variants, contigs, missing calls, multi-allelic and no-GT sites."})
final class InspectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a CSV or VCF file")
    Path file;

    @Option(names = "--label", paramLabel = "COLUMN", description = "label column for the class balance (default: the last)")
    String label;

    @Option(names = "--separator", description = "CSV separator (default ,; 'tab' for tabs)")
    String separator;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String lower = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".vcf") || lower.endsWith(".vcf.gz") || lower.endsWith(".vcf.bgz") || lower.endsWith(".bcf")) {
            out.print(VcfInspector.report(file));
            out.flush();
            return MedFedCommand.OK;
        }
        CsvFormat format = CsvFormat.defaults();
        if (separator != null) {
            format = format.withSeparator(CsvFormat.parseSeparator(separator));
        }
        out.print(TableInspection.report(file, format, label));
        out.flush();
        return MedFedCommand.OK;
    }
}
