package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.engine.checkpoint.Checkpointing;
import org.medfed.project.CompressionSection;
import org.medfed.project.ModelSection;
import org.medfed.project.PrivacySection;
import org.medfed.project.SimulationSection;
import org.medfed.project.StrategySection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.project.TrainingSection;
import org.medfed.testsupport.RunFingerprint;
import org.medfed.testsupport.TestWorkers;

/** The sample study run asynchronously with one slow hospital and compressed updates, as the CLI runs it. */
class AsyncAndCompressedStudyTest {

    private static final Path STUDY = Path.of("sample-projects/heart-4-hospitals/study.json");

    @TempDir
    Path tmp;

    private static Study sample(String strategy, Map<String, Double> parameters, int rounds) {
        Study s = StudyFile.load(STUDY);
        TrainingSection t = s.training();
        return s.withStrategy(new StrategySection(strategy, parameters))
                .withTraining(new TrainingSection(rounds, t.localSteps(), t.localEpochs(), t.batchSize(),
                        t.learningRate(), t.optimizer(), 1.0, 1, t.timeoutSeconds()))
                .withSimulation(SimulationSection.oneSlowHospital());
    }

    /** The sample's data, read once for every variant of the study. */
    private static final PreparedStudy DATA = PreparedStudy.prepare(StudyFile.load(STUDY), STUDY);

    private static StudyResult run(Study study) {
        PreparedStudy prepared = new PreparedStudy(study, STUDY, DATA.data(),
                study.model().toSpec(DATA.data().inputShape(), DATA.data().classes().size()));
        return StudyRunner.run(TestWorkers.shared(), prepared, RunOptions.defaults(), RunListener.NONE, RunControl.free(), message -> { },
                Checkpointing.NONE);
    }

    private static void refused(Study study) {
        ProtectionCompatibility.require(study, 4);
    }

    private static long bytesUp(StudyResult r) {
        return r.history().rounds().stream().mapToLong(x -> x.progress().bytesUp().values().stream()
                .mapToLong(Long::longValue).sum()).sum();
    }

    @Test
    void anAsynchronousCompressedRunIsBitIdenticalAndWritesItsClockAndTraffic() throws Exception {
        Study study = sample("fedbuff", Map.of("bufferSize", 2.0), 6)
                .withModel(new ModelSection("mlp", List.of(64)))
                .withCompression(new CompressionSection("topk-quantise", 8, 0.25, true));
        StudyResult one = run(study);
        StudyResult two = run(study);
        assertThat(one.history().status()).as(one.history().message()).isEqualTo(RunStatus.FINISHED);
        assertThat(RunFingerprint.of(one.history())).isEqualTo(RunFingerprint.of(two.history()));

        // the slow hospital (last by name) is merged less often and with staleness
        String slow = one.history().participants().get(one.history().participants().size() - 1);
        List<RoundRecord> rounds = one.history().rounds();
        long slowMerges = rounds.stream().filter(r -> r.selected().contains(slow)).count();
        assertThat(slowMerges).isLessThan(rounds.size() / 2);
        RoundRecord last = rounds.get(rounds.size() - 1);
        assertThat(last.progress().updatesApplied()).isEqualTo(12);

        Path metrics = tmp.resolve("metrics.csv");
        RunOutputs.writeMetrics(one.history(), metrics);
        List<String> lines = Files.readAllLines(metrics);
        assertThat(lines.get(0)).isEqualTo("round,participant,split,metric,value,clock_seconds,updates_applied");
        assertThat(lines).anyMatch(l -> l.matches("6,[^,]+,run,bytes_up,\\d+,[0-9.e+]+,12"));
        assertThat(lines).anyMatch(l -> l.contains(",run,staleness,"));
        assertThat(lines).anyMatch(l -> l.contains(",run,model_version,"));

        Map<String, Object> card = RunOutputs.communication(one);
        assertThat(card).containsKeys("clock", "clockSeconds", "bytesUp", "speeds", "float32UpdateBytes");
        assertThat(one.protections()).containsKey("compression");

        StudyResult plain = run(sample("fedbuff", Map.of("bufferSize", 2.0), 6)
                .withModel(new ModelSection("mlp", List.of(64))));
        assertThat((double) bytesUp(one) / bytesUp(plain)).as("top-25 %% at 8 bits").isLessThan(0.3);
    }

    @Test
    void aSynchronousRoundWaitsForTheSlowHospital() {
        StudyResult sync = run(sample("weighted-fedavg", Map.of(), 2));
        StudyResult async = run(sample("fedasync", Map.of(), 8));
        double perRound = sync.history().rounds().get(0).progress().clockSeconds();
        assertThat(sync.history().rounds().get(1).progress().clockSeconds()).isEqualTo(2 * perRound,
                org.assertj.core.api.Assertions.within(1e-9));
        // eight FedAsync merges (the fast hospitals' updates) are done before one synchronous round ends
        assertThat(async.history().rounds().get(7).progress().clockSeconds()).isLessThan(perRound);
    }

    @Test
    void combinationsThatCannotWorkAreRefusedWithTheReason() {
        PrivacySection dp = new PrivacySection(new PrivacySection.DpSection(1.0, 0.5, 1e-3, null, null, false),
                null, null, "seeded");
        assertThatThrownBy(() -> refused(sample("fedasync", Map.of(), 2).withPrivacy(dp)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("asynchronous")
                .hasMessageContaining("DP-SGD");
        PrivacySection secagg = new PrivacySection(null, new PrivacySection.SecureAggregationSection(1.0, 24), null,
                "seeded");
        assertThatThrownBy(() -> refused(sample("fedbuff", Map.of(), 2).withPrivacy(secagg)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no such cohort");
        assertThatThrownBy(() -> refused(sample("weighted-fedavg", Map.of(), 2).withPrivacy(secagg)
                .withCompression(new CompressionSection("quantise", 8, null, null))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("choose one");
        assertThatThrownBy(() -> refused(sample("weighted-fedavg", Map.of(), 2).withPrivacy(dp)
                .withCompression(new CompressionSection("quantise", 8, null, null))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("noisePlacement: participants");
    }

    @Test
    void compressionAfterNoiseAddedAtTheHospitalsRuns() {
        PrivacySection dp = new PrivacySection(new PrivacySection.DpSection(1.0, 0.1, 1e-3, null, "participants",
                false), null, null, "seeded");
        StudyResult r = run(sample("weighted-fedavg", Map.of(), 2).withPrivacy(dp)
                .withCompression(new CompressionSection("quantise", 8, null, null)));
        assertThat(r.history().status()).as(r.history().message()).isEqualTo(RunStatus.FINISHED);
        assertThat(r.history().strategyId()).endsWith("+dp+quantise");
    }
}
