package org.medfed.gui.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.medfed.concurrency.Workers;
import org.medfed.engine.RunControl;
import org.medfed.engine.checkpoint.Checkpoint;
import org.medfed.engine.checkpoint.Checkpointing;
import org.medfed.gui.common.EventBridge;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.results.RunHistoryStore;
import org.medfed.project.Study;
import org.medfed.study.PreparedStudy;
import org.medfed.study.RunFolder;
import org.medfed.study.RunOptions;
import org.medfed.study.StudyResult;
import org.medfed.study.StudyRunner;

/**
 * What a run does on its background thread: reads the hospitals' data (here, or through their nodes), opens the
 * history folder that keeps the run and its checkpoints, runs the study and its comparison models, and closes the
 * folder whatever happens. It touches no property of the screen: what it has to say goes through the run's
 * {@link EventBridge}, in order with the engine's events.
 */
final class RunJob implements Callable<RunJob.Ended> {

    /**
     * A run to start: a new one ({@code resumed} null) kept in {@code folder} when not null, or the interrupted run
     * of {@code folder}, {@code resumed}.
     */
    record Launch(Study study, Path base, long seed, boolean baselines, boolean stepMode, Path folder,
                  RunFolder.Interrupted resumed) {

        /**
         * A new run of the document's study, kept in a new folder of {@code history} beside the study, unless it is
         * unsaved or its folder is read-only (the Results screen says so), or {@code history} is null.
         */
        static Launch fresh(StudyDocument document, RunHistoryStore history, boolean baselines, boolean stepMode) {
            Study study = document.study();
            Path file = document.file();
            Path keep = history != null && file != null && Files.isWritable(file.toAbsolutePath().getParent())
                    ? history.newFolder(file) : null;
            return new Launch(study, file != null ? file : document.base(), study.seed(), baselines, stepMode, keep,
                    null);
        }

        /**
         * The interrupted run kept in {@code runFolder}, as it was started: its study copy, seed and comparison
         * choice, its data where they were.
         *
         * @throws RuntimeException when the folder cannot be resumed, in words
         */
        static Launch resuming(Path runFolder) {
            RunFolder.Interrupted interrupted = RunFolder.at(runFolder).interrupted();
            return new Launch(interrupted.study(), interrupted.studyFile(), interrupted.seed(), interrupted.baselines(),
                    false, runFolder, interrupted);
        }

        /** The checkpoint a resumed run goes on from; null for a new run. */
        Checkpoint from() {
            return resumed == null ? null : resumed.checkpoint();
        }

        /** The log's first line for the run numbered {@code number} on this screen. */
        String announce(int number) {
            return from() != null
                    ? "Resuming the interrupted run of \"" + study.name() + "\" (" + folder.getFileName() + ") after round "
                            + from().round() + " of " + from().roundsPlanned() + ": it ends as if it had never stopped."
                    : "Run " + number + " of \"" + study.name() + "\": " + study.strategy().id() + ", "
                            + study.training().rounds() + " rounds, seed " + seed + ".";
        }
    }

    /** What the run's thread hands back: the result, and the history folder that keeps it (null: not kept). */
    record Ended(StudyResult result, Path folder) {
    }

    private final Launch launch;
    /** Asked for on the run's thread, as the run needs them: a test's same-thread tasks have none to give. */
    private final Supplier<Workers> workers;
    private final EventBridge bridge;
    private final RunControl control;
    /** The nodes the hospitals are reached through; null when the workbench reads their data itself. */
    private final NodeRuns nodes;
    /**
     * A node keeps what it saved for a run (SCAFFOLD's control variate) under this name: a resumed run's is its
     * folder, as for medfed run.
     */
    private final String runId;

    RunJob(Launch launch, int number, Supplier<Workers> workers, EventBridge bridge, RunControl control, NodeRuns nodes) {
        this.launch = launch;
        this.workers = workers;
        this.bridge = bridge;
        this.control = control;
        this.nodes = nodes;
        this.runId = launch.folder() != null ? launch.folder().toAbsolutePath().toString() : "workbench-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + number;
    }

    @Override
    public Ended call() throws Exception {
        Launch l = launch;
        Study study = l.study();
        RunFolder folder = null;
        try {
            if (l.from() != null) {
                folder = RunFolder.reopen(l.folder()); // refuses a folder another run is writing
            }
            PreparedStudy prepared;
            if (nodes != null) {
                bridge.log("Waiting for the hospitals' nodes and agreeing with them on the data.");
                prepared = nodes.prepare(study, l.base(), runId, bridge::log);
            } else {
                prepared = PreparedStudy.prepare(study, l.base(), workers.get());
            }
            bridge.log("Data ready: " + describe(prepared));
            prepared.data().warnings().forEach(w -> bridge.log("Warning: " + w));
            Checkpointing checkpoints = Checkpointing.NONE;
            if (l.from() != null) {
                checkpoints = l.resumed().resuming();
            } else if (l.folder() != null) {
                folder = RunFolder.create(l.folder(), false);
                folder.begin(study, l.base(), l.seed(), l.baselines());
                checkpoints = Checkpointing.writingTo(folder.checkpoint());
            }
            StudyResult r = StudyRunner.run(workers.get(), prepared,
                    new RunOptions(l.seed(), null, l.baselines()).leavingACoreFree(), bridge, control,
                    message -> bridge.log("Comparison: " + message + " ..."), checkpoints);
            if (folder != null) {
                folder.finish(r);
            }
            return new Ended(r, folder == null ? null : folder.dir());
        } finally {
            if (folder != null) {
                folder.close();
            }
            if (nodes != null) {
                nodes.runEnded();
            }
        }
    }

    /** "hospital-a 120 train / 30 test; ...": what was read, for the log. */
    private static String describe(PreparedStudy prepared) {
        List<String> parts = new ArrayList<>();
        prepared.data().counts().forEach(s -> parts.add(s.name() + " " + s.trainSize() + " train / "
                + s.testSize() + " test" + (s.note().isEmpty() ? "" : " (" + s.note() + ")")));
        return String.join("; ", parts) + ".";
    }
}
