package org.medfed.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.medfed.concurrency.Workers;
import org.medfed.network.coordinator.CoordinatorServer;
import org.medfed.study.MultiSiteStudy;
import org.medfed.engine.BadInputException;
import org.medfed.engine.LearningCurve;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunStatus;
import org.medfed.engine.checkpoint.CheckpointMismatchException;
import org.medfed.engine.checkpoint.Checkpointing;
import org.medfed.node.LocalHospitals;
import org.medfed.model.ModelKind;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.study.PreparedStudy;
import org.medfed.study.ResultStatistics;
import org.medfed.study.ResultsTable;
import org.medfed.study.RunFolder;
import org.medfed.study.RunOptions;
import org.medfed.study.StudyResult;
import org.medfed.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medfed run}: runs a study and writes its metrics, summary and model; or resumes an interrupted run. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a federated study, from a study file or from --participant options.",
                "Writes OUT/metrics.csv, OUT/results.csv, OUT/summary.json and OUT/model/ (model.zip, model.onnx + "
                        + "model-card.json), and keeps OUT/study.json, OUT/run.properties and a checkpoint after every "
                        + "round (OUT/checkpoint.json and OUT/checkpoint-rounds.jsonl), from which 'run --resume OUT' "
                        + "continues an interrupted run."})
final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "STUDY.json", description = "the study file")
    Path studyFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default runs/<date-time>)")
    Path out;

    @Option(names = "--seed", description = "seed for this run (default: the study's)")
    Long seed;

    @Option(names = "--rounds", description = "number of rounds (default: the study's)")
    Integer rounds;

    @Option(names = "--baselines", description = "also train each hospital alone (at its node in a multi-site study) and all data pooled (simulation only)")
    boolean baselines;

    @Option(names = "--force", description = "replace the run already in the --out folder (otherwise a folder that "
            + "holds anything is refused)")
    boolean force;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue the interrupted run in RUN_DIR from "
            + "its last checkpoint, as it was started; it ends as if it had never stopped")
    Path resume;

    @Mixin
    StudyFlags flags = new StudyFlags();

    @Mixin
    CoordinatorOptions coordinator = new CoordinatorOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Workers workers;

    RunCommand(Workers workers) {
        this.workers = workers;
    }

    @Override
    public Integer call() {
        if (resume != null) {
            return resume();
        }
        Study study;
        Path base;
        if (studyFile != null) {
            study = flags.apply(StudyFile.load(studyFile));
            base = studyFile;
        } else {
            study = flags.fromFlags();
            // no file: messages about the study then name it for what it is
            base = Path.of("study from the command line").toAbsolutePath();
        }
        if (rounds != null) {
            StudyFlags.check(org.medfed.engine.Limit.ROUNDS, "--rounds", rounds);
            study = study.withTraining(study.training().withRounds(rounds));
        }
        if (!MultiSiteStudy.isMultiSite(study) && coordinator.listen != null) {
            throw new BadInputException(base, null, "--listen coordinates hospitals behind nodes, but every "
                    + "participant of this study has data files here; name each hospital's \"node\" and \"dataset\"");
        }
        Path dir = out != null ? out : Path.of("runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Study started = study;
        // Ctrl-C ends the JVM without closing the folder: one that holds nothing yet (the nodes still awaited, the data
        // still being prepared) would stay behind holding only its lock
        try (RunFolder folder = RunFolder.create(dir, force);
             Workers.ExitAction tidy = workers.atExit("medfed-tidy", folder::close)) {
            return withPrepared(study, base, folder, prepared -> {
                folder.begin(started, base, seed != null ? seed : started.seed(), baselines);
                return run(prepared, new RunOptions(seed, null, baselines), folder,
                        Checkpointing.writingTo(folder.checkpoint()));
            });
        }
    }

    /**
     * Prepares the study where its data is: here, or, when its hospitals are behind nodes, by listening for them
     * and agreeing with them over the network; {@code then} runs while the nodes stay connected.
     */
    private int withPrepared(Study study, Path base, RunFolder folder, Function<PreparedStudy, Integer> then) {
        if (!MultiSiteStudy.isMultiSite(study)) {
            return then.apply(prepare(study, base));
        }
        PrintWriter err = spec.commandLine().getErr();
        List<String> nodes = MultiSiteStudy.nodes(study);
        ExecutorService executor = workers.pool("coordinator");
        try (CoordinatorServer server = coordinator.start(study, base, nodes, executor)) {
            err.println("listening on port " + server.port() + " for the nodes of " + String.join(", ", nodes));
            server.nodes().onChange(c -> err.println("  " + c.describe()));
            try {
                PreparedStudy prepared = MultiSiteStudy.prepare(workers, study, base, server.nodes(),
                        Duration.ofSeconds(coordinator.waitSeconds), folder.dir().toAbsolutePath().toString(),
                        message -> err.println(message + " ..."), LocalHospitals.of(study, base));
                report(prepared);
                int code = then.apply(prepared);
                server.closingBecause(code == MedFedCommand.OK ? "the coordinator's run of the study is over"
                        : "the coordinator's run of the study failed; its researcher has the reason");
                return code;
            } catch (RuntimeException e) {
                // the nodes learn that the study stopped, not the details, which may concern another hospital
                server.closingBecause("the study stopped at the coordinator before it ended; its researcher has the "
                        + "reason");
                throw e;
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Goes on with the interrupted run of a folder as it was started (its study copy, seed and baselines, its data
     * where they were), so options that would change the run are refused.
     */
    private int resume() {
        // where the coordinator listens is not part of the run: a multi-site run may resume on another port
        List<String> allowed = List.of("--resume", "--listen", "--bind", "--tls", "--wait");
        List<String> others = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(OptionSpec::longestName).filter(name -> !allowed.contains(name)).toList();
        if (studyFile != null || !others.isEmpty()) {
            throw new BadInputException("--resume continues a run exactly as it was started, so it takes no study file "
                    + "or other options than where to listen for nodes"
                    + (others.isEmpty() ? "" : " (given: " + String.join(", ", others) + ")"));
        }
        RunFolder.Interrupted run = RunFolder.at(resume).interrupted();
        spec.commandLine().getErr().printf("resuming %s after round %d of %d%n", resume, run.checkpoint().round(),
                run.checkpoint().roundsPlanned());
        try (RunFolder folder = RunFolder.reopen(resume)) {
            return withPrepared(run.study(), run.studyFile(), folder, prepared -> run(prepared,
                    new RunOptions(run.seed(), null, run.baselines()), folder, run.resuming()));
        } catch (CheckpointMismatchException e) {
            throw new BadInputException(RunFolder.at(resume).checkpoint().file(), null, e.getMessage(), e);
        }
    }

    private PreparedStudy prepare(Study study, Path base) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("preparing data of " + study.enabledParticipants().size() + " participants ...");
        PreparedStudy prepared = PreparedStudy.prepare(study, base, workers);
        report(prepared);
        return prepared;
    }

    private void report(PreparedStudy prepared) {
        PrintWriter err = spec.commandLine().getErr();
        prepared.data().warnings().forEach(w -> err.println("warning: " + w));
        prepared.data().counts().forEach(s -> err.printf("  %s: %d for training, %d for testing%s%n", s.name(),
                s.trainSize(), s.testSize(), s.note().isEmpty() ? "" : " (" + s.note() + ")"));
    }

    /** Runs the study into {@code folder} and marks it finished once every output is written. */
    private int run(PreparedStudy prepared, RunOptions options, RunFolder folder, Checkpointing checkpointing) {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(err);
        Path dir = folder.dir();
        StudyResult result;
        // Ctrl-C or a kill while the rounds run ends the JVM without a word: say where the run stands, and how to go on
        try (Workers.ExitAction interrupted = workers.atExit("medfed-interrupted", () -> {
            err.println(folder.checkpoint().exists()
                    ? "interrupted" + (progress.lastRound() > 0 ? " after round " + progress.lastRound() : "")
                    + "; its checkpoint is kept: go on with  medfed run --resume " + dir
                    : "interrupted before its first round ended; nothing to resume: start it again");
            err.flush();
        })) {
            result = StudyRunner.run(workers, prepared, options, progress,
                    RunControl.free(), message -> err.println(message + " ..."), checkpointing);
        }
        ResultStatistics stats = folder.finish(result);
        ResultsTable table = ResultsTable.of(result);
        stdout.println();
        if (result.prepared().spec().kind() == ModelKind.UNET) {
            stdout.print(table.render("dice", stats));
            stdout.println();
            stdout.print(table.render("iou", stats));
        } else {
            stdout.print(table.render("accuracy", stats));
            if (result.prepared().spec().classCount() == 2) {
                stdout.println();
                stdout.print(table.render("auc", stats));
            }
        }
        stdout.flush();
        ResultStatistics.untrainedBy(result.history()).forEach(w -> err.println("warning: " + w));
        LearningCurve.stillImproving(result.history(), prepared.study().strategy().asynchronous())
                .ifPresent(note -> err.println("note: " + note));
        err.println("written to " + dir.toAbsolutePath());
        if (result.history().status() == RunStatus.FAILED) {
            boolean bug = result.history().message().startsWith("internal error");
            return bug ? MedFedCommand.INTERNAL_ERROR : MedFedCommand.BAD_INPUT;
        }
        return MedFedCommand.OK;
    }
}
