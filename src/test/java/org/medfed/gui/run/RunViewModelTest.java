package org.medfed.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.Evaluation;
import org.medfed.engine.ParticipantFailure;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunEvent;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.Samples;
import org.medfed.project.StudyFile;

class RunViewModelTest {

    @TempDir
    Path dir;

    private RunViewModel viewModel(QueuedUi ui, Path studyFile) {
        StudyDocument doc = new StudyDocument();
        if (studyFile != null) {
            doc.replace(StudyFile.load(studyFile), studyFile);
        }
        return new RunViewModel(doc, ui, new StudyReadiness(doc), () -> LocalTime.NOON);
    }

    @Test
    void aRunFillsEveryRoundWithTheEnginesNumbers() {
        QueuedUi ui = QueuedUi.sameThread();
        RunViewModel vm = viewModel(ui, Samples.copy(dir, 4));
        vm.compareWithBaselinesProperty().set(false);
        assertThat(vm.canStartProperty().get()).isTrue();
        vm.start();
        ui.drain();
        assertThat(vm.phaseProperty().get()).isEqualTo(RunViewModel.Phase.FINISHED);
        var history = vm.resultProperty().get().history();
        assertThat(vm.points()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            RoundRecord r = history.rounds().get(i);
            RoundPoint p = vm.points().get(i);
            assertThat(p.round()).isEqualTo(i + 1);
            assertThat(p.accuracy()).isEqualTo(r.globalMetric("accuracy"));
            assertThat(p.loss()).isEqualTo(r.globalMetric("loss"));
            assertThat(p.auc()).isEqualTo(r.globalMetric("auc"));
            r.test().forEach((name, e) -> assertThat(p.hospitalAccuracy().get(name)).isEqualTo(e.metric("accuracy")));
        }
        assertThat(vm.hospitals()).hasSize(4).allSatisfy(h -> assertThat(h.current()).isEqualTo(HospitalStatus.State.DONE));
        assertThat(vm.series().binary().get()).isTrue();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.progressTextProperty().get()).isEqualTo("Finished: 4 rounds");
        assertThat(vm.log()).anyMatch(l -> l.contains("Round 4: accuracy"));
        assertThat(vm.series().hospitalAccuracy()).hasSize(4).allSatisfy((name, series) -> assertThat(series).hasSize(4));
    }

    @Test
    void theStudysHospitalsAreListedAsReadyBeforeARunAndKeepTheirLastStatusAfterIt() {
        QueuedUi ui = QueuedUi.sameThread();
        Path file = Samples.copy(dir, 2);
        StudyDocument doc = new StudyDocument();
        doc.replace(StudyFile.load(file), file);
        RunViewModel vm = new RunViewModel(doc, ui, new StudyReadiness(doc), () -> LocalTime.NOON);
        List<String> names = doc.study().enabledParticipants().stream().map(p -> p.name()).sorted().toList();
        assertThat(vm.hospitals()).extracting(HospitalStatus::name).containsExactlyElementsOf(names);
        assertThat(vm.hospitals()).allSatisfy(h -> assertThat(h.stateProperty().get()).isEqualTo("ready"));

        vm.compareWithBaselinesProperty().set(false);
        vm.start();
        ui.drain();
        assertThat(vm.hospitals()).allSatisfy(h -> assertThat(h.current()).isEqualTo(HospitalStatus.State.DONE));
        doc.edit(s -> s.withName("renamed")); // an edit that keeps the hospitals
        assertThat(vm.hospitals()).allSatisfy(h -> assertThat(h.current()).isEqualTo(HospitalStatus.State.DONE));
        var fewer = new java.util.ArrayList<>(doc.study().participants());
        fewer.remove(0);
        doc.edit(s -> s.withParticipants(fewer));
        assertThat(vm.hospitals()).hasSize(names.size() - 1)
                .allSatisfy(h -> assertThat(h.current()).isEqualTo(HospitalStatus.State.READY));
    }

    @Test
    void durationsReadAsMillisecondsOrSecondsRoundedToTheNearest() {
        assertThat(RunWording.seconds(Duration.ofNanos(400_000))).isEqualTo("< 1 ms");
        assertThat(RunWording.seconds(Duration.ofNanos(12_400_000))).isEqualTo("12 ms");
        assertThat(RunWording.seconds(Duration.ofNanos(12_500_000))).isEqualTo("13 ms");
        assertThat(RunWording.seconds(Duration.ofNanos(999_600_000))).isEqualTo("1000 ms");
        assertThat(RunWording.seconds(Duration.ofMillis(1234))).isEqualTo("1.23 s");
        assertThat(RunWording.seconds(Duration.ofMillis(1236))).isEqualTo("1.24 s");
        assertThat(RunWording.seconds(Duration.ofMillis(2005))).isEqualTo("2.01 s");
        assertThat(RunWording.seconds(Duration.ofSeconds(61))).isEqualTo("61.00 s");
    }

    @Test
    void runIsDisabledUntilTheStudyIsValidAndABadFileGetsAPlainMessage() {
        QueuedUi ui = QueuedUi.sameThread();
        RunViewModel empty = viewModel(ui, null);
        assertThat(empty.canStartProperty().get()).isFalse();
        assertThat(empty.readinessProblems()).anyMatch(p -> p.contains("Add at least one hospital"));

        Path study = Samples.copy(dir, 2);
        Samples.write(study.resolveSibling("data/rural-clinic.csv"),
                "age,sex,systolic_bp,cholesterol,bmi,smoker,diabetes,chest_pain,disease",
                "67,M,114,6.0,23.8,no,0,typical,0",
                "49,F,abc,4.8,26.1,no,0,non-anginal,1");
        RunViewModel vm = viewModel(ui, study);
        vm.start();
        ui.drain();
        assertThat(vm.phaseProperty().get()).isEqualTo(RunViewModel.Phase.FAILED);
        assertThat(vm.statusTextProperty().get()).contains("rural-clinic.csv").contains("systolic_bp").doesNotContain("Exception");
        assertThat(vm.failureProperty().get()).isNotNull();
        assertThat(vm.canStartProperty().get()).as("can try again").isTrue();
    }

    /** A node away for rounds: its failure is in the log once, not twice a round, and its return with what it missed. */
    @Test
    void aHospitalAwayForRoundsIsLoggedOnceAndItsReturn() {
        QueuedUi ui = QueuedUi.sameThread();
        RunViewModel vm = viewModel(ui, null);
        List<Object> events = new java.util.ArrayList<>(List.of(new RunEvent.RunStarted("fedavg", 5, List.of("a", "b"))));
        for (int round = 1; round <= 5; round++) {
            events.add(new RunEvent.RoundStarted(round, 5, List.of("a", "b")));
            boolean away = round >= 2 && round <= 4;
            if (away) {
                for (ParticipantFailure.Phase phase : ParticipantFailure.Phase.values()) {
                    events.add(new RunEvent.ParticipantFailed(new ParticipantFailure(round, "b", phase,
                            "b: its node 'b' is not connected", false), Duration.ZERO));
                }
            }
            Map<String, Evaluation> test = away ? Map.of("a", new Evaluation(10, Map.of("accuracy", 0.7, "loss", 0.6)))
                    : Map.of("a", new Evaluation(10, Map.of("accuracy", 0.7, "loss", 0.6)),
                    "b", new Evaluation(10, Map.of("accuracy", 0.6, "loss", 0.7)));
            events.add(new RunEvent.RoundAggregated(new RoundRecord(round, List.of("a", "b"),
                    away ? Map.of("a", 0.5) : Map.of("a", 0.5, "b", 0.5), test, Map.of("accuracy", 0.7, "loss", 0.6),
                    List.of(), Duration.ofMillis(5), 1000, Map.of())));
        }
        vm.apply(events);
        List<String> about = vm.log().stream().filter(l -> l.contains(": b ")).map(l -> l.substring(l.indexOf("Round")))
                .toList();
        assertThat(about).containsExactly(
                "Round 2: b failed: its node 'b' is not connected. The run goes on without it; said once while it lasts.",
                "Round 2: b failed to evaluate: its node 'b' is not connected. The run goes on without it; said once "
                        + "while it lasts.",
                "Round 5: b trains again (it failed to train in rounds 2 to 4).",
                "Round 5: b is tested again (it failed to evaluate in rounds 2 to 4).");
    }

    @Test
    void aFailingHospitalShowsAsFailedWhileTheRoundsGoOn() {
        QueuedUi ui = QueuedUi.sameThread();
        RunViewModel vm = viewModel(ui, null);
        RoundRecord round1 = new RoundRecord(1, List.of("a", "b"), Map.of("a", 0.5),
                Map.of("a", new Evaluation(10, Map.of("accuracy", 0.7, "loss", 0.6))),
                Map.of("accuracy", 0.7, "loss", 0.6), List.of(), Duration.ofMillis(5), 1000, Map.of());
        vm.apply(List.of(new RunEvent.RunStarted("fedavg", 3, List.of("a", "b")),
                new RunEvent.RoundStarted(1, 3, List.of("a", "b")),
                new RunEvent.ParticipantFailed(new ParticipantFailure(1, "b", ParticipantFailure.Phase.FIT,
                        "b.csv line 17: column 'age' is 'abc', expected a number", false), Duration.ofMillis(3)),
                new RunEvent.RoundAggregated(round1)));
        HospitalStatus b = vm.hospitals().get(1);
        assertThat(b.current()).isEqualTo(HospitalStatus.State.FAILED);
        assertThat(b.detailProperty().get()).contains("line 17");
        assertThat(vm.points()).hasSize(1);
        assertThat(vm.log()).anyMatch(l -> l.contains("b failed") && l.contains("The run goes on without it"));
        assertThat(vm.progressTextProperty().get()).isEqualTo("Round 1 of 3");
        assertThat(vm.timeLeftProperty().get()).isEqualTo("about 0.0 s left");
    }

    @Test
    void stepRunsOneRoundAtATimeAndStopKeepsTheRoundsDone() {
        try (QueuedUi ui = QueuedUi.worker()) {
            RunViewModel vm = viewModel(ui, Samples.copy(dir, 20));
            vm.compareWithBaselinesProperty().set(false);
            vm.step();
            ui.until(() -> vm.phaseProperty().get() == RunViewModel.Phase.PAUSED && vm.points().size() == 1,
                    Duration.ofSeconds(60));
            assertThat(vm.progressTextProperty().get()).isEqualTo("Paused before round 2 of 20");
            vm.step();
            ui.until(() -> vm.phaseProperty().get() == RunViewModel.Phase.PAUSED && vm.points().size() == 2,
                    Duration.ofSeconds(60));
            assertThat(vm.canPauseProperty().get()).isFalse();
            assertThat(vm.canStopProperty().get()).isTrue();
            vm.stop();
            ui.until(() -> vm.phaseProperty().get() == RunViewModel.Phase.STOPPED, Duration.ofSeconds(60));
            assertThat(vm.points()).hasSize(2);
            assertThat(vm.resultProperty().get().history().rounds()).hasSize(2);
            assertThat(vm.progressTextProperty().get()).isEqualTo("Stopped after round 2 of 20");
        }
    }

    @Test
    void pauseResumeAndStopAnswerWithinAStep() {
        try (QueuedUi ui = QueuedUi.worker()) {
            RunViewModel vm = viewModel(ui, Samples.copy(dir, 300, 20));
            vm.compareWithBaselinesProperty().set(false);
            vm.start();
            ui.until(() -> vm.points().size() >= 2, Duration.ofSeconds(60));
            vm.pause();
            assertThat(vm.phaseProperty().get()).isEqualTo(RunViewModel.Phase.PAUSED);
            vm.start();
            assertThat(vm.phaseProperty().get()).isEqualTo(RunViewModel.Phase.RUNNING);
            int resumedAt = vm.points().size();
            ui.until(() -> vm.points().size() >= resumedAt + 2, Duration.ofSeconds(60));
            vm.stop();
            ui.until(() -> vm.phaseProperty().get() == RunViewModel.Phase.STOPPED, Duration.ofSeconds(60));
            assertThat(vm.points()).hasSize(vm.resultProperty().get().history().rounds().size());
        }
    }

    @Test
    void metricsInTheLogHaveThreeDecimals() {
        assertThat(RunWording.three(0.6667)).isEqualTo("0.667");
        assertThat(RunWording.three(0.05)).isEqualTo("0.050");
        assertThat(RunWording.three(1.0)).isEqualTo("1.000");
        assertThat(RunWording.three(-0.0004)).isEqualTo("0.000");
        assertThat(RunWording.three(12.3456)).isEqualTo("12.346");
        assertThat(RunWording.three(Double.NaN)).isEqualTo("–");
    }

    @Test
    void pauseSaysPausedForTheRunAndItsHospitalsAndStopLeavesNoHospitalTraining() {
        try (QueuedUi ui = QueuedUi.worker()) {
            RunViewModel vm = viewModel(ui, Samples.copy(dir, 300, 20));
            vm.compareWithBaselinesProperty().set(false);
            vm.start();
            ui.until(() -> vm.points().size() >= 1, Duration.ofSeconds(60));
            vm.pause();
            assertThat(vm.progressTextProperty().get()).startsWith("Paused ").contains(" of 300");
            assertThat(vm.timeLeftProperty().get()).isEmpty();
            ui.until(() -> vm.log().stream().anyMatch(l -> l.contains("Paused")), Duration.ofSeconds(10));
            ui.drain(); // the rounds' events the engine sent before it held keep the paused wording
            assertThat(vm.progressTextProperty().get()).startsWith("Paused ");
            assertThat(vm.hospitals()).extracting(h -> h.stateProperty().get())
                    .doesNotContain("training", "evaluating", "waiting");

            vm.start();
            assertThat(vm.progressTextProperty().get()).doesNotContain("Paused").startsWith("Round ");
            assertThat(vm.hospitals()).extracting(h -> h.stateProperty().get()).doesNotContain("paused");
            int resumedAt = vm.points().size();
            ui.until(() -> vm.points().size() > resumedAt, Duration.ofSeconds(60));
            vm.stop();
            assertThat(vm.progressTextProperty().get()).startsWith("Stopping");
            ui.until(() -> vm.phaseProperty().get() == RunViewModel.Phase.STOPPED, Duration.ofSeconds(60));
            assertThat(vm.hospitals()).extracting(h -> h.stateProperty().get())
                    .doesNotContain("training", "evaluating", "waiting", "paused")
                    .allMatch(s -> s.equals("done") || s.equals("stopped"));
            assertThat(vm.progressTextProperty().get()).startsWith("Stopped after round ");
        }
    }

    @Test
    void aRunStoppedWhilePausedListsItsHospitalsAsStopped() {
        RunViewModel vm = viewModel(QueuedUi.sameThread(), null);
        vm.apply(List.of(new RunEvent.RunStarted("fedavg", 3, List.of("a", "b")),
                new RunEvent.RoundStarted(1, 3, List.of("a", "b")),
                new RunEvent.ParticipantStarted(1, "a", ParticipantFailure.Phase.FIT),
                new RunEvent.ParticipantStarted(1, "b", ParticipantFailure.Phase.FIT)));
        assertThat(vm.hospitals()).extracting(h -> h.stateProperty().get()).containsOnly("training");
        vm.apply(List.of(new RunEvent.RunCancelled(new org.medfed.engine.RunHistory("fedavg", List.of("a", "b"), List.of(),
                null, org.medfed.engine.RunStatus.CANCELLED, "", Duration.ZERO))));
        assertThat(vm.hospitals()).extracting(h -> h.stateProperty().get()).containsOnly("stopped");
    }

    @Test
    void theFirstRoundSaysWhatGoesOnBeforeAnyTimeCanBeEstimated() {
        RunViewModel vm = viewModel(QueuedUi.sameThread(), null);
        vm.apply(List.of(new RunEvent.RunStarted("fedavg", 3, List.of("a")), new RunEvent.RoundStarted(1, 3, List.of("a"))));
        assertThat(vm.progressTextProperty().get())
                .isEqualTo("Round 1 of 3: the hospitals are training (this first round also measures the speed)");
        assertThat(vm.timeLeftProperty().get()).isEqualTo("time left: known after this round");
        RoundRecord round1 = new RoundRecord(1, List.of("a"), Map.of("a", 1.0),
                Map.of("a", new Evaluation(10, Map.of("accuracy", 0.7, "loss", 0.6))),
                Map.of("accuracy", 0.7, "loss", 0.6), List.of(), Duration.ofSeconds(30), 1000, Map.of());
        vm.apply(List.of(new RunEvent.RoundAggregated(round1), new RunEvent.RoundStarted(2, 3, List.of("a"))));
        assertThat(vm.progressTextProperty().get()).isEqualTo("Round 2 of 3: training");
        assertThat(vm.timeLeftProperty().get()).isEqualTo("about 1 min 0 s left");
    }

    @Test
    void anotherStudyStartsWithACleanRunScreenAndItsOwnRunCount() {
        QueuedUi ui = QueuedUi.sameThread();
        Path file = Samples.copy(dir, 2);
        StudyDocument doc = new StudyDocument();
        doc.replace(StudyFile.load(file), file);
        RunViewModel vm = new RunViewModel(doc, ui, new StudyReadiness(doc), () -> LocalTime.NOON);
        vm.compareWithBaselinesProperty().set(false);
        vm.start();
        ui.drain();
        vm.start();
        ui.drain();
        assertThat(vm.log()).anyMatch(l -> l.contains("Run 2 of"));
        assertThat(vm.progressTextProperty().get()).isEqualTo("Finished: 2 rounds");

        doc.replace(StudyFile.load(file).withName("Another study"), file);
        assertThat(vm.phaseProperty().get()).isEqualTo(RunViewModel.Phase.IDLE);
        assertThat(vm.progressTextProperty().get()).isEqualTo("Not started");
        assertThat(vm.progressProperty().get()).isZero();
        assertThat(vm.points()).isEmpty();
        assertThat(vm.previousPoints()).as("no faint line of the last study's run").isEmpty();
        assertThat(vm.log()).isEmpty();
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.hospitals()).isNotEmpty().allSatisfy(h -> assertThat(h.current()).isEqualTo(HospitalStatus.State.READY));
        vm.start();
        ui.drain();
        assertThat(vm.log()).anyMatch(l -> l.contains("Run 1 of \"Another study\""));
    }
}
