package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.engine.checkpoint.Checkpointing;
import org.medfed.project.CheckpointFile;
import org.medfed.project.PrivacySection;
import org.medfed.project.StrategySection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.project.TrainingSection;
import org.medfed.testsupport.CrashAfterCheckpoint;
import org.medfed.testsupport.RunFingerprint;
import org.medfed.testsupport.SimulatedCrash;
import org.medfed.testsupport.TestWorkers;

/**
 * The sample study, killed after a round's checkpoint file was written and resumed from that file with its data
 * read afresh, writes the same metrics.csv and model as a run never interrupted: FedAvg, FedAdam, SCAFFOLD and
 * DP-FedAvg (seeded randomness, adaptive clipping), half of the hospitals sampled per round.
 */
class ResumedStudyTest {

    private static final Path STUDY = Path.of("sample-projects/heart-4-hospitals/study.json");
    private static final int ROUNDS = 7;
    private static final int CRASH_AFTER = 3;

    @TempDir
    Path tmp;

    private static Study sample(String strategy, Map<String, Double> parameters) {
        Study s = StudyFile.load(STUDY);
        TrainingSection t = s.training();
        return s.withStrategy(new StrategySection(strategy, parameters))
                .withTraining(new TrainingSection(ROUNDS, t.localSteps(), t.localEpochs(), t.batchSize(),
                        t.learningRate(), t.optimizer(), 0.5, 1, t.timeoutSeconds()));
    }

    static Stream<Named<Study>> studies() {
        // the count noise of adaptive clipping (2 expected hospitals / 20) needs a noise multiplier below 0.2
        PrivacySection dp = new PrivacySection(new PrivacySection.DpSection(1.0, 0.15, 1e-3, null, null, true),
                null, null, "seeded");
        return Stream.of(
                Named.of("weighted fedavg", sample("weighted-fedavg", Map.of())),
                Named.of("fedadam", sample("fedadam", Map.of("serverLearningRate", 0.05))),
                Named.of("scaffold", sample("scaffold", Map.of())),
                Named.of("dp-fedavg", sample("weighted-fedavg", Map.of()).withPrivacy(dp)));
    }

    /** The study's data read afresh, and a run as the command line makes it. */
    private static StudyResult run(Study study, Checkpointing checkpointing) {
        return StudyRunner.run(TestWorkers.shared(), PreparedStudy.prepare(study, STUDY), RunOptions.defaults(), RunListener.NONE,
                RunControl.free(), message -> { }, checkpointing);
    }

    private String metrics(StudyResult result, String name) throws Exception {
        Path file = tmp.resolve(name + "-metrics.csv");
        RunOutputs.writeMetrics(result.history(), file);
        return Files.readString(file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studies")
    void aRunKilledAfterACheckpointAndResumedFromTheFileWritesTheSameMetricsAndModel(Study study) throws Exception {
        StudyResult straight = run(study, Checkpointing.NONE);
        assertThat(straight.history().status()).as(straight.history().message()).isEqualTo(RunStatus.FINISHED);
        assertThat(straight.history().rounds()).hasSize(ROUNDS);
        assertThat(straight.history().rounds().stream().map(r -> r.selected()).distinct().count())
                .as("sampling matters: the hospitals asked change from round to round").isGreaterThan(1);

        CheckpointFile file = CheckpointFile.in(tmp.resolve("run"));
        assertThatThrownBy(() -> run(study, Checkpointing.writingTo(new CrashAfterCheckpoint(file, CRASH_AFTER))))
                .isInstanceOf(SimulatedCrash.class);
        StudyResult resumed = run(study, Checkpointing.resuming(file.load(), file));

        assertThat(metrics(resumed, "resumed")).isEqualTo(metrics(straight, "straight"));
        assertThat(RunFingerprint.of(resumed.history())).isEqualTo(RunFingerprint.of(straight.history()));
        assertThat(file.load().round()).isEqualTo(ROUNDS);
    }
}
