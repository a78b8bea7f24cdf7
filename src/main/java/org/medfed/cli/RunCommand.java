package org.medfed.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.medfed.engine.BadInputException;
import org.medfed.network.coordinator.CoordinatorServer;
import org.medfed.study.MultiSiteStudy;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunStatus;
import org.medfed.model.ModelKind;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.study.PreparedStudy;
import org.medfed.study.ResultsTable;
import org.medfed.study.RunOptions;
import org.medfed.study.RunOutputs;
import org.medfed.study.StudyResult;
import org.medfed.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medfed run}: runs a study and writes its metrics, summary and model. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a federated study, from a study file or from --participant options.",
                "Writes OUT/metrics.csv, OUT/results.csv, OUT/summary.json and OUT/model/ (model.zip + model-card.json)."})
final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "STUDY.json", description = "the study file")
    Path studyFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default runs/<date-time>)")
    Path out;

    @Option(names = "--seed", description = "seed for this run (default: the study's)")
    Long seed;

    @Option(names = "--rounds", description = "number of rounds (default: the study's)")
    Integer rounds;

    @Option(names = "--baselines", description = "also train each hospital alone and all data pooled (simulation only)")
    boolean baselines;

    @Mixin
    StudyFlags flags = new StudyFlags();

    @Mixin
    CoordinatorOptions coordinator = new CoordinatorOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Study study;
        Path base;
        if (studyFile != null) {
            study = flags.apply(StudyFile.load(studyFile));
            base = studyFile;
        } else {
            study = flags.fromFlags();
            base = Path.of("command-line-study.json").toAbsolutePath();
        }
        if (rounds != null) {
            study = study.withTraining(study.training().withRounds(rounds));
        }
        if (MultiSiteStudy.isMultiSite(study)) {
            return coordinate(study, base, err, stdout);
        }
        if (coordinator.listen != null) {
            throw new BadInputException(base, null, "--listen coordinates hospitals behind nodes, but every "
                    + "participant of this study has data files here; name each hospital's \"node\" and \"dataset\"");
        }
        err.println("preparing data of " + study.enabledParticipants().size() + " participants ...");
        return finish(PreparedStudy.prepare(study, base), err, stdout);
    }

    /** A study whose hospitals keep their data behind their nodes: listen, wait for them, prepare and run. */
    private int coordinate(Study study, Path base, PrintWriter err, PrintWriter stdout) {
        List<String> nodes = MultiSiteStudy.nodes(study);
        ExecutorService executor = CoordinatorOptions.executor();
        try (CoordinatorServer server = coordinator.start(base, nodes, executor)) {
            err.println("listening on port " + server.port() + " for the nodes of " + String.join(", ", nodes));
            server.nodes().onChange(c -> err.println(c.connected() ? "  node " + c.node() + " connected"
                    : "  node " + c.node() + " lost: " + c.reason()));
            PreparedStudy prepared = MultiSiteStudy.prepare(study, base, server.nodes(),
                    Duration.ofSeconds(coordinator.waitSeconds), message -> err.println(message + " ..."));
            return finish(prepared, err, stdout);
        } finally {
            executor.shutdownNow();
        }
    }

    private int finish(PreparedStudy prepared, PrintWriter err, PrintWriter stdout) {
        prepared.data().warnings().forEach(w -> err.println("warning: " + w));
        prepared.data().counts().forEach(s -> err.printf("  %s: %d for training, %d for testing%s%n", s.name(),
                s.trainSize(), s.testSize(), s.note().isEmpty() ? "" : " (" + s.note() + ")"));
        ConsoleProgress progress = new ConsoleProgress(err);
        StudyResult result = StudyRunner.run(prepared, new RunOptions(seed, null, baselines), progress,
                RunControl.free(), message -> err.println(message + " ..."));
        Path dir = out != null ? out : Path.of("runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        RunOutputs.write(result, dir);
        ResultsTable table = ResultsTable.of(result);
        stdout.println();
        if (result.prepared().spec().kind() == ModelKind.UNET) {
            stdout.print(table.render("dice"));
            stdout.println();
            stdout.print(table.render("iou"));
        } else {
            stdout.print(table.render("accuracy"));
            if (result.prepared().spec().classCount() == 2) {
                stdout.println();
                stdout.print(table.render("auc"));
            }
        }
        stdout.flush();
        err.println("written to " + dir.toAbsolutePath());
        if (result.history().status() == RunStatus.FAILED) {
            boolean bug = result.history().message().startsWith("internal error");
            return bug ? MedFedCommand.INTERNAL_ERROR : MedFedCommand.BAD_INPUT;
        }
        return MedFedCommand.OK;
    }
}
