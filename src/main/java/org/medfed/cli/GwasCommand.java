package org.medfed.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medfed.analytics.gwas.AssociationResult;
import org.medfed.analytics.gwas.GwasResult;
import org.medfed.engine.RunControl;
import org.medfed.project.StudyFile;
import org.medfed.study.AssociationStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medfed gwas}: the federated genome-wide association study of a genotype study. */
@Command(name = "gwas", mixinStandardHelpOptions = true,
        description = {"Runs a federated association study: each hospital sends genotype counts and regression sums, "
                + "never genotypes; the statistics equal the pooled analysis.",
                "Writes OUT/results.tsv, OUT/manhattan.png, OUT/qq.png and OUT/summary.txt."})
final class GwasCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY.json", description = "a study with a \"genotypes\" section")
    Path studyFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default runs/gwas-<date-time>)")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path dir = out != null ? out : Path.of("runs", "gwas-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        GwasResult result = AssociationStudy.run(StudyFile.load(studyFile), studyFile, dir, RunControl.free(),
                (stage, done, total) -> {
                    err.printf(Locale.ROOT, "%s %d/%d%n", stage, done, total);
                    err.flush();
                });
        stdout.printf(Locale.ROOT, "%d variants tested, genomic inflation lambda %.3f%n", result.results().stream()
                .filter(AssociationResult::tested).count(), result.lambda());
        var hits = result.hits();
        stdout.println(hits.isEmpty() ? "no variant passes p < " + result.settings().significance()
                : hits.size() + " variant(s) pass p < " + result.settings().significance() + ":");
        for (AssociationResult r : hits.isEmpty() ? result.top(5) : hits) {
            stdout.printf(Locale.ROOT, "  %s %s:%d %s>%s  p = %.3g%n", r.variant().id(), r.variant().chrom(),
                    r.variant().position(), r.variant().ref(), r.variant().alt(), r.p());
        }
        stdout.flush();
        err.println("written to " + dir.toAbsolutePath());
        return MedFedCommand.OK;
    }
}
