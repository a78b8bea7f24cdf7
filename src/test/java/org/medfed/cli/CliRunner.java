package org.medfed.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.medfed.concurrency.Workers;
import picocli.CommandLine;

/** Runs the command line in-process, as the entry point does (its own workers, closed after), and captures what it prints. */
record CliRunner(int exitCode, String out, String err) {

    static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Workers workers = new Workers()) {
            CommandLine cl = MedFedCommand.commandLine(workers, args);
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int code = cl.execute(args);
            return new CliRunner(code, out.toString(), err.toString());
        }
    }
}
