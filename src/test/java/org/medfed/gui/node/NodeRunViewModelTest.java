package org.medfed.gui.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.RunStatus;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.study.StudyResult;

/** Starting and stopping the node from its window, with a real coordinator on the loopback. */
class NodeRunViewModelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void theNodeServesAStudyAndItsAuditEntriesArriveLive() throws Exception {
        int port = NodeKits.freePort();
        Path kit = NodeKits.provision(dir.resolve("kit"), "heart", port, "city-general");
        NodeKits.withHeartTable(NodeKits.hospital(kit, "city-general"), "city-general.csv");
        try (QueuedUi ui = QueuedUi.worker();
             KitCoordinator coordinator = new KitCoordinator(kit, "heart", port, List.of("city-general"))) {
            NodeWindow window = new NodeWindow(ui, new StubDialogs());
            assertThat(window.open(NodeKits.hospital(kit, "city-general"))).isTrue();
            NodeRunViewModel run = window.run();
            assertThat(run.canStartProperty().get()).isTrue();
            run.start();
            assertThat(run.stateProperty().get()).isEqualTo(ConnectionState.STARTING);
            ui.until(() -> run.stateProperty().get() == ConnectionState.CONNECTED, WAIT);
            assertThat(run.detailProperty().get()).isEqualTo("Connected to the coordinator at 127.0.0.1:" + port
                    + " for study 'heart'.");
            assertThat(run.canStartProperty().get()).isFalse();

            StudyResult result = coordinator.runHeartStudy(List.of("city-general"), 2);
            assertThat(result.history().status()).isEqualTo(RunStatus.FINISHED);
            ui.until(() -> window.audit().rows().stream().anyMatch(r -> r.round().equals("2")), WAIT);
            assertThat(window.audit().rows()).extracting(AuditRow::procedure).contains("table.open", "table.schema",
                    "model.open", "train", "evaluate");
            assertThat(window.audit().rows()).allMatch(r -> r.outcome().equals("served"));
            assertThat(run.servingProperty().get()).startsWith("Study 'heart', round 2; last request ");
            assertThat(run.log()).anyMatch(l -> l.endsWith("connected to the coordinator for study 'heart'"));

            run.stop();
            assertThat(run.stateProperty().get()).isEqualTo(ConnectionState.STOPPING);
            ui.until(() -> run.stateProperty().get() == ConnectionState.STOPPED, WAIT);
            assertThat(run.servingProperty().get()).isEqualTo("Not serving a study.");
            assertThat(run.canStartProperty().get()).isTrue();
        }
    }

    /** A fresh kit names a placeholder table: starting says which file is missing and where to choose it. */
    @Test
    void startingWithTheKitsPlaceholderDatasetSaysWhereToChooseTheFile() throws Exception {
        Path kit = NodeKits.provision(dir.resolve("kit"), "heart", NodeKits.freePort(), "city-general");
        try (QueuedUi ui = QueuedUi.worker()) {
            NodeWindow window = new NodeWindow(ui, new StubDialogs());
            assertThat(window.open(NodeKits.hospital(kit, "city-general"))).isTrue();
            window.run().start();
            assertThat(window.run().stateProperty().get()).isEqualTo(ConnectionState.FAILED);
            assertThat(window.run().detailProperty().get()).contains("dataset 'data'", "is not there")
                    .endsWith("Choose it on the Datasets tab, then start the node again.");
            assertThat(window.run().log()).anyMatch(l -> l.contains("could not start: "));
            assertThat(window.run().canStartProperty().get()).isTrue();
        }
    }

    @Test
    void aNodeWithAnotherKitsCertificatesIsToldTheCertificatesDoNotMatch() throws Exception {
        int port = NodeKits.freePort();
        Path kit = NodeKits.provision(dir.resolve("kit"), "heart", port, "city-general");
        Path other = NodeKits.provision(dir.resolve("other"), "heart", port, "city-general");
        NodeKits.withHeartTable(NodeKits.hospital(other, "city-general"), "city-general.csv");
        try (QueuedUi ui = QueuedUi.worker();
             KitCoordinator coordinator = new KitCoordinator(kit, "heart", port, List.of("city-general"))) {
            NodeWindow window = new NodeWindow(ui, new StubDialogs());
            // same names, another study authority (an old kit, after the researcher provisioned again): neither side
            // accepts the other's certificate, and the node is the first to say so
            assertThat(window.open(NodeKits.hospital(other, "city-general"))).isTrue();
            window.run().start();
            ui.until(() -> window.run().stateProperty().get() == ConnectionState.UNREACHABLE, WAIT);
            assertThat(window.run().detailProperty().get())
                    .startsWith("Cannot reach the coordinator at 127.0.0.1:" + port + ": the coordinator's certificate "
                            + "is not one of this study's, or does not name the address dialled")
                    .endsWith("Trying again, with growing pauses.");
            window.run().stop();
            ui.until(() -> window.run().stateProperty().get() == ConnectionState.STOPPED, WAIT);
        }
    }

    @Test
    void aNodeTheStudyDoesNotNameIsRefusedAndStops() throws Exception {
        int port = NodeKits.freePort();
        Path kit = NodeKits.provision(dir.resolve("kit"), "heart", port, "city-general", "rural-clinic");
        NodeKits.withHeartTable(NodeKits.hospital(kit, "rural-clinic"), "rural-clinic.csv");
        try (QueuedUi ui = QueuedUi.worker();
             KitCoordinator coordinator = new KitCoordinator(kit, "heart", port, List.of("city-general"))) {
            NodeWindow window = new NodeWindow(ui, new StubDialogs());
            window.open(NodeKits.hospital(kit, "rural-clinic"));
            window.run().start();
            ui.until(() -> window.run().stateProperty().get() == ConnectionState.REFUSED
                    && !window.run().canStopProperty().get(), WAIT);
            assertThat(window.run().detailProperty().get()).startsWith("The coordinator refused this node: ")
                    .contains("rural-clinic");
            assertThat(window.run().canStartProperty().get()).isTrue();
        }
    }

    @Test
    void aNodeThatCannotStartSaysWhyInWords() throws Exception {
        Path kit = NodeKits.provision(dir.resolve("kit"), "heart", 7443, "city-general");
        try (QueuedUi ui = QueuedUi.worker()) {
            NodeWindow window = new NodeWindow(ui, new StubDialogs());
            window.open(NodeKits.hospital(kit, "city-general"));
            window.run().start();
            ui.until(() -> window.run().stateProperty().get() == ConnectionState.FAILED, WAIT);
            assertThat(window.run().detailProperty().get()).startsWith("table.csv: dataset 'data': the file named by "
                    + "\"file\" is not there");
            assertThat(window.run().canStartProperty().get()).isTrue();
        }
    }
}
