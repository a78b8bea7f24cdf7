package org.medfed.gui.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.participants.ParticipantsViewModel;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.Samples;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.CoordinatorSection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.study.Version;
import org.medfed.testsupport.KitNodes;

/**
 * The researcher's side of hospitals behind nodes, with real nodes started from a provisioned kit on the
 * loopback: adding them, watching them connect with their summaries, the check across hospitals on those
 * summaries, a run through them in which one drops out and rejoins, and refusals in words.
 */
class RemoteHospitalsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> HOSPITALS = List.of("city-general", "rural-clinic");

    @TempDir
    Path dir;

    private final QueuedUi ui = QueuedUi.worker();
    private final StudyDocument doc = new StudyDocument();
    private StudyCoordinator coordinator;
    private RemoteHospitalsViewModel remote;
    private CoordinatorSettingsViewModel settings;
    private ParticipantsViewModel participants;
    private RunViewModel run;
    private KitNodes nodes;
    private Path studyFile;

    /** The sample study without hospitals, and the view-models the workbench wires for it. */
    private void open(String ruralPolicy) {
        studyFile = Samples.copy(dir, 3);
        nodes = new KitNodes(dir, "heart", HOSPITALS);
        nodes.configure("city-general", studyFile.resolveSibling("data/city-general.csv"), null);
        nodes.configure("rural-clinic", studyFile.resolveSibling("data/rural-clinic.csv"), ruralPolicy);
        doc.replace(StudyFile.load(studyFile).withParticipants(List.of()), studyFile);
        coordinator = new StudyCoordinator(doc, ui);
        remote = new RemoteHospitalsViewModel(doc, ui, coordinator);
        settings = new CoordinatorSettingsViewModel(doc, new StubDialogs(), coordinator);
        participants = new ParticipantsViewModel(doc, ui, new StubDialogs());
        participants.showRemote(remote);
        StudyReadiness readiness = new StudyReadiness(doc);
        readiness.addProblems(participants.blockingProblems());
        run = new RunViewModel(doc, ui, readiness);
        run.runThroughNodes(coordinator);
        run.compareWithBaselinesProperty().set(false);
    }

    @AfterEach
    void stopEverything() {
        if (coordinator != null) {
            coordinator.close();
        }
        if (nodes != null) {
            nodes.close();
        }
        ui.close();
    }

    private void addBothAndListen() {
        assertThat(remote.addRemote("city-general", "", "heart")).isTrue();
        assertThat(remote.addRemote("rural-clinic", "rural-clinic", "heart")).isTrue();
        assertThat(remote.rows()).extracting(r -> r.stateProperty().get()).containsOnly(NodeState.NOT_LISTENING);
        settings.portProperty().set(String.valueOf(nodes.port));
        settings.bindProperty().set("127.0.0.1");
        settings.kitProperty().set(nodes.coordinatorFolder().toString());
        assertThat(settings.apply()).isTrue();
        waitFor(() -> coordinator.listeningProperty().get(), WAIT);
        remote.refresh();
        assertThat(remote.rows()).extracting(r -> r.stateProperty().get()).containsOnly(NodeState.WAITING);
    }

    /** Runs the UI's work until {@code condition}; says what the screens and the nodes showed when it does not come. */
    private void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) {
        try {
            ui.until(condition, timeout);
        } catch (AssertionError e) {
            remote.refresh();
            throw new AssertionError(e.getMessage() + "\ncoordinator: " + coordinator.statusProperty().get()
                    + "\nrows: " + remote.rows().stream().map(r -> r.nameProperty().get() + " "
                    + r.stateTextProperty().get() + " " + r.rowsProperty().get() + " " + r.columnsProperty().get()).toList()
                    + "\nrun blocked by: " + run.readinessProblems() + "\nrun log: " + String.join("\n", run.log()) + "\nnodes: " + String.join("\n", nodes.log), e);
        }
    }

    private boolean states(NodeState... expected) {
        remote.refresh();
        return remote.rows().stream().map(r -> r.stateProperty().get()).toList().equals(List.of(expected));
    }

    private boolean logHas(String part) {
        return run.log().stream().anyMatch(l -> l.contains(part));
    }

    @Test
    void nodesConnectWithTheirSummariesAndARunGoesOnWithoutALostNodeThatRejoinsLater() throws Exception {
        open(null);
        assertThat(remote.addRemote("", "", "heart")).isFalse();
        assertThat(remote.messageProperty().get()).isEqualTo("A hospital needs a name.");
        assertThat(remote.addRemote("city-general", "", "")).isFalse();
        assertThat(remote.messageProperty().get()).contains("dataset id");
        addBothAndListen();
        assertThat(remote.addRemote("city-general", "", "heart")).isFalse();
        assertThat(remote.messageProperty().get()).isEqualTo("Another hospital is already called 'city-general'.");
        // the settings are the study's: saved and loaded with it
        assertThat(doc.study().coordinator()).isEqualTo(new CoordinatorSection(nodes.port, "127.0.0.1",
                nodes.coordinatorFolder().toString()));

        nodes.start("city-general");
        nodes.start("rural-clinic");
        waitFor(() -> states(NodeState.CONNECTED, NodeState.CONNECTED)
                && remote.rows().stream().allMatch(r -> !r.rowsProperty().get().equals("not yet")), WAIT);
        RemoteHospitalRow city = remote.rows().get(0);
        long lines = Files.readAllLines(studyFile.resolveSibling("data/city-general.csv")).stream()
                .filter(l -> !l.isBlank()).count() - 1;
        assertThat(city.rowsProperty().get()).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", lines));
        assertThat(city.versionProperty().get()).isEqualTo(Version.current());
        assertThat(city.heartbeatProperty().get()).endsWith("s ago");
        assertThat(city.columnsProperty().get()).contains("age (numeric)").contains("sex (categorical)");
        assertThat(city.balanceProperty().get()).matches("0: \\d+ \\(\\d+%\\) · 1: \\d+ \\(\\d+%\\)");
        // the Participants table shows them with the others, and checks them on these summaries
        waitFor(() -> participants.schemaStatusProperty().get().startsWith("✔"), WAIT);
        assertThat(participants.schemaStatusProperty().get())
                .isEqualTo("✔ The hospitals' tables match: same columns, compatible types, and the same codes for the outcome and the categories.");
        assertThat(participants.rows().get(0).samplesProperty().get()).isEqualTo(city.rowsProperty().get());
        assertThat(participants.rows().get(0).filesProperty().get()).isEqualTo("node city-general, dataset heart");
        assertThat(participants.rows().get(1).checkProperty().get()).startsWith("node rural-clinic, connected");
        assertThat(participants.knownColumns()).contains("disease", "age");
        participants.select(1);
        assertThat(participants.previewTitleProperty().get()).contains("The rows stay at the hospital");
        assertThat(participants.previewBalance()).hasSize(2);

        // round 1, then hold
        run.step();
        waitFor(() -> run.phaseProperty().get() == RunViewModel.Phase.PAUSED && run.points().size() == 1, WAIT);
        assertThat(states(NodeState.TRAINING, NodeState.TRAINING)).isTrue();
        assertThat(remote.rows().get(1).trafficProperty().get()).contains("down").contains("up");
        assertThat(remote.rows().get(1).roundTripProperty().get()).endsWith("ms");

        // rural-clinic's node stops: the next round goes on without it
        nodes.stop("rural-clinic");
        waitFor(() -> logHas("Node rural-clinic dropped out"), WAIT);
        assertThat(states(NodeState.TRAINING, NodeState.LOST)).isTrue();
        run.step();
        waitFor(() -> run.phaseProperty().get() == RunViewModel.Phase.PAUSED && run.points().size() == 2, WAIT);
        assertThat(logHas("Round 2: rural-clinic failed")).isTrue();
        assertThat(run.points().get(1).hospitalAccuracy()).containsOnlyKeys("city-general");

        // it comes back and takes part in the last round
        nodes.start("rural-clinic");
        waitFor(() -> logHas("Node rural-clinic connected: it takes part again from the next round."), WAIT);
        run.start();
        waitFor(() -> run.phaseProperty().get() == RunViewModel.Phase.FINISHED, WAIT);
        assertThat(run.points()).hasSize(3);
        assertThat(run.points().get(2).hospitalAccuracy()).containsOnlyKeys("city-general", "rural-clinic");
        // the Run screen's nodes table: each hospital's drop-outs and rejoins of this run, with their times
        remote.refresh();
        assertThat(remote.rows().get(1).timelineProperty().get())
                .matches("\\d\\d:\\d\\d:\\d\\d lost · \\d\\d:\\d\\d:\\d\\d back");
        assertThat(remote.rows().get(0).timelineProperty().get()).isEqualTo("no drop-out");
        assertThat(run.resultProperty().get().history().rounds().get(2).trainLoss().keySet())
                .containsExactlyInAnyOrder("city-general", "rural-clinic");
        assertThat(states(NodeState.CONNECTED, NodeState.CONNECTED)).isTrue();
    }

    /**
     * Each hospital alone is trained at its own node and shown on the Results screen beside the federated model; the
     * pooled row is there, marked not available, with why.
     */
    @Test
    void resultsShowEachHospitalAloneFromItsNodeAndNoPooledModelWithWhy() {
        open(null);
        addBothAndListen();
        nodes.start("city-general");
        nodes.start("rural-clinic");
        waitFor(() -> states(NodeState.CONNECTED, NodeState.CONNECTED), WAIT);
        run.compareWithBaselinesProperty().set(true);
        assertThat(run.compareLabelProperty().get()).contains("at its node").contains("no pooled model");
        run.start();
        waitFor(() -> run.phaseProperty().get() == RunViewModel.Phase.FINISHED, WAIT);
        assertThat(run.log()).anyMatch(l -> l.contains("there is no pooled model in a multi-site study"));
        var result = run.resultProperty().get();
        assertThat(result.baselines()).extracting(b -> b.row()).containsExactly("local:city-general", "local:rural-clinic");

        var results = new org.medfed.gui.results.ResultsViewModel(doc, ui, new StubDialogs(),
                new org.medfed.gui.results.RunHistoryStore());
        results.show(result, null);
        ui.drain();
        assertThat(results.rows()).extracting(org.medfed.gui.results.ResultsViewModel.Row::model).containsExactly(
                "Federated (all hospitals, data stay home)", "city-general alone", "rural-clinic alone",
                "Pooled (all data in one place)");
        // each hospital alone, evaluated at both hospitals' nodes
        double alone = result.baselines().get(0).test().get("rural-clinic").metric("accuracy");
        assertThat(results.rows().get(1).cells().get(1)).startsWith(String.format(java.util.Locale.ROOT, "%.3f", alone));
        assertThat(results.rows().get(3).cells()).containsOnly(org.medfed.gui.results.ResultsViewModel.NOT_AVAILABLE);
        assertThat(results.pooledNoteProperty().get()).startsWith("Pooled: not available in a multi-site study: ")
                .contains("without moving the rows").contains("at its own node");
        // each patient's prediction stayed at its node: the accuracy over all test patients is still known (a mean
        // over patients), an AUC over all of them is not, and the hospitals' AUCs weighted by test size say so
        waitFor(() -> !results.limitsProperty().get().isEmpty(), WAIT);
        int allColumn = results.columns().size() - 1;
        double accuracy = result.history().lastRound().orElseThrow().globalMetric("accuracy_weighted");
        assertThat(results.rows().get(0).cells().get(allColumn))
                .startsWith(String.format(java.util.Locale.ROOT, "%.3f", accuracy)).doesNotContain("weighted mean");
        results.metricProperty().set("auc");
        double auc = result.history().lastRound().orElseThrow().globalMetric("auc_weighted");
        assertThat(results.rows().get(0).cells().get(allColumn))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.3f (weighted mean)", auc));
        assertThat(results.limitsProperty().get()).contains("nor an AUC over all test patients together");
    }

    @Test
    void aNodeWithAnotherHospitalsCertificateAndAPolicyRefusalAreShownInWords() {
        open("{\"dataKinds\": [\"table\"], \"procedures\": null, \"minimumCount\": 5, "
                + "\"requireDifferentialPrivacy\": true, \"maxEpsilon\": null, \"maxRounds\": 1000}");
        addBothAndListen();
        nodes.startImpostor("city-general", "rural-clinic");
        waitFor(() -> states(NodeState.WAITING, NodeState.REFUSED), WAIT);
        assertThat(remote.rows().get(1).stateTextProperty().get()).isEqualTo("refused: the certificate is issued to "
                + "'city-general' but the node calls itself 'rural-clinic'");
        // a refused node blocks Run with its reason, where one not yet connected does not (the run waits for it)
        waitFor(() -> participants.blockingProblems().stream().anyMatch(b -> b.startsWith("Hospital 'rural-clinic' "
                + "cannot take part as it is: its node refused: the certificate is issued to 'city-general'")), WAIT);
        assertThat(participants.blockingProblems()).noneMatch(b -> b.contains("city-general'" + " cannot"));
        nodes.stop("rural-clinic-impostor");

        nodes.start("city-general");
        nodes.start("rural-clinic");
        waitFor(() -> states(NodeState.CONNECTED, NodeState.CONNECTED), WAIT);
        waitFor(() -> participants.blockingProblems().isEmpty(), WAIT);
        run.start();
        waitFor(() -> !run.isActive() && run.phaseProperty().get() != RunViewModel.Phase.IDLE, WAIT);
        assertThat(run.phaseProperty().get()).isEqualTo(RunViewModel.Phase.FINISHED);
        assertThat(run.log()).anyMatch(l -> l.contains("Round 1: rural-clinic failed: rural-clinic refused: this "
                + "hospital requires differential privacy on anything trained on its rows"));
    }

    @Test
    void theCoordinatorSettingsAreCheckedAndSayWhyTheWorkbenchDoesNotListen() {
        open(null);
        remote.addRemote("city-general", "", "heart");
        assertThat(coordinator.statusProperty().get()).startsWith("Not listening for the hospitals' nodes: set the port");
        settings.portProperty().set("74x3");
        assertThat(settings.apply()).isFalse();
        assertThat(settings.messageProperty().get()).contains("whole number between 1 and 65535");
        settings.portProperty().set("70000");
        assertThat(settings.apply()).isFalse();
        settings.portProperty().set(String.valueOf(nodes.port));
        settings.kitProperty().set(dir.resolve("nowhere").toString());
        assertThat(settings.apply()).isTrue();
        waitFor(() -> coordinator.statusProperty().get().startsWith("Not listening for the hospitals' nodes: "
                + dir.resolve("nowhere")), WAIT);
        assertThat(coordinator.statusProperty().get()).contains("holds no coordinator.crt");

        settings.kitProperty().set(nodes.coordinatorFolder().toString());
        settings.listenAgain();
        waitFor(() -> coordinator.listeningProperty().get(), WAIT);
        // saved with the study, the kit folder relative to it
        doc.saveAs(studyFile);
        Study saved = StudyFile.load(studyFile);
        assertThat(saved.coordinator().listen()).isEqualTo(nodes.port);
        // the kit lies outside the study's folder: kept absolute, as data files there are
        assertThat(saved.coordinator().tls()).isEqualTo(nodes.coordinatorFolder().toAbsolutePath().toString());
    }
}
