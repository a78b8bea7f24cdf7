package org.medfed.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medfed.runreport.StudyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medfed report RUN_DIR}: the run as one HTML page to read, file and print to PDF. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a self-contained HTML report of a finished run: study and settings, participants "
                + "(counts only), protections and privacy spent, results with 95%% intervals and the comparison with "
                + "each hospital alone, charts, and the model card. Of an association study (medfed gwas): its "
                + "summary, hits and smallest p-values, Manhattan and Q-Q plots. Open it in a browser; print it to "
                + "PDF from there."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "a finished run's folder (medfed run --out, or <study>.runs/<time>/), or medfed gwas --out")
    Path runDir;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.html", description = "where to write it (default RUN_DIR/report.html)")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path target = out != null ? out : runDir.resolve("report.html");
        StudyReport.write(runDir, target);
        spec.commandLine().getOut().println("Report written to " + target.toAbsolutePath());
        return 0;
    }
}
