package org.medfed.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.medfed.analytics.gwas.AssociationResult;
import org.medfed.analytics.gwas.GwasProgress;
import org.medfed.analytics.gwas.GwasResult;
import org.medfed.concurrency.Workers;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RunControl;
import org.medfed.network.coordinator.CoordinatorServer;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.study.AssociationStudy;
import org.medfed.study.MultiSiteStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medfed gwas}: the federated genome-wide association study of a genotype study. */
@Command(name = "gwas", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a federated association study: each hospital sends genotype counts and regression sums, "
                + "never genotypes; the statistics equal the pooled analysis.",
                "Hospitals with files here are simulated; hospitals behind nodes are reached with --listen.",
                "Writes OUT/results.tsv, OUT/manhattan.png, OUT/qq.png and OUT/summary.txt, then OUT/finished.properties."})
final class GwasCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY.json", description = "a study with a \"genotypes\" section")
    Path studyFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default runs/gwas-<date-time>)")
    Path out;

    @Option(names = "--force", description = "replace the outputs already in the --out folder (otherwise a folder that "
            + "holds anything is refused)")
    boolean force;

    @Mixin
    CoordinatorOptions coordinator = new CoordinatorOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Workers workers;

    GwasCommand(Workers workers) {
        this.workers = workers;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path dir = out != null ? out : Path.of("runs", "gwas-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Study study = StudyFile.load(studyFile);
        GwasProgress progress = (stage, done, total) -> {
            err.printf(Locale.ROOT, "%s %d/%d%n", stage, done, total);
            err.flush();
        };
        GwasResult result;
        if (MultiSiteStudy.isMultiSite(study)) {
            result = throughNodes(study, dir, progress);
        } else if (coordinator.listen != null) {
            throw new BadInputException(studyFile, null, "--listen coordinates hospitals behind nodes, but every "
                    + "participant of this study has data files here; name each hospital's \"node\" and \"dataset\"");
        } else {
            result = AssociationStudy.run(workers, study, studyFile, dir, force, RunControl.free(), progress);
        }
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
        for (var site : result.sites()) {
            if (!site.shortfall().isEmpty()) {
                err.println(site.site() + ": " + site.shortfall());
            }
        }
        err.println("written to " + dir.toAbsolutePath());
        return MedFedCommand.OK;
    }

    /** Listens for the hospitals' nodes and runs the study through them while they stay connected. */
    private GwasResult throughNodes(Study study, Path dir, GwasProgress progress) {
        PrintWriter err = spec.commandLine().getErr();
        List<String> nodes = MultiSiteStudy.nodes(study);
        ExecutorService executor = workers.pool("coordinator");
        try (CoordinatorServer server = coordinator.start(study, studyFile, nodes, executor)) {
            err.println("listening on port " + server.port() + " for the nodes of " + String.join(", ", nodes));
            server.nodes().onChange(c -> err.println("  " + c.describe()));
            try {
                var result = AssociationStudy.runThroughNodes(workers, study, studyFile, server.nodes(),
                        Duration.ofSeconds(coordinator.waitSeconds), dir, force, RunControl.free(), progress,
                        message -> err.println(message + " ..."));
                server.closingBecause("the coordinator's association study is over");
                return result;
            } catch (RuntimeException e) {
                // the nodes learn that the study stopped, not the details, which may concern another hospital
                server.closingBecause("the association study stopped at the coordinator before it ended; its "
                        + "researcher has the reason");
                throw e;
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
