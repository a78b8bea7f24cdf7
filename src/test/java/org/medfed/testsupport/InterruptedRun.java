package org.medfed.testsupport;

import java.nio.file.Path;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.engine.checkpoint.Checkpointing;
import org.medfed.project.Study;
import org.medfed.study.PreparedStudy;
import org.medfed.study.RunFolder;
import org.medfed.study.RunOptions;
import org.medfed.study.StudyRunner;

/**
 * A run folder as a run killed after a round leaves it (the workbench or {@code medfed run} closed by a crash or
 * a power cut): the study copy, {@code run.properties} saying running, and the checkpoint of round
 * {@code crashAfter}; the lock released, as when the process dies.
 */
public final class InterruptedRun {

    private InterruptedRun() {
    }

    public static Path write(Path folder, Study study, Path studyFile, boolean baselines, int crashAfter) {
        try (RunFolder run = RunFolder.create(folder, false)) {
            run.begin(study, studyFile, study.seed(), baselines);
            StudyRunner.run(TestWorkers.shared(), PreparedStudy.prepare(study, studyFile), new RunOptions(study.seed(), null, baselines),
                    RunListener.NONE, RunControl.free(), message -> { },
                    Checkpointing.writingTo(new CrashAfterCheckpoint(run.checkpoint(), crashAfter)));
            throw new AssertionError("the run was to crash after round " + crashAfter);
        } catch (SimulatedCrash expected) {
            return folder;
        }
    }
}
