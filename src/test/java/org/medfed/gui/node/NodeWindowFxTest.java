package org.medfed.gui.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.concurrency.Workers;
import org.medfed.engine.RunStatus;
import org.medfed.gui.common.ExecutorBackgroundTasks;
import org.medfed.gui.testing.StubDialogs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The node window driven as a hospital's clinician would: import the kit, start the node, watch a real
 * coordinator on the loopback run a small study through it, read the audit table, stop the node.
 */
@ExtendWith(ApplicationExtension.class)
class NodeWindowFxTest {

    @TempDir
    Path dir;

    private final StubDialogs dialogs = new StubDialogs();
    private final Workers workers = new Workers();
    private NodeWindow window;

    @Start
    void start(Stage stage) {
        window = new NodeWindow(new ExecutorBackgroundTasks(workers, Platform::runLater), dialogs);
        stage.setScene(new Scene(new NodeWindowView(window).root(), 1240, 760));
        stage.show();
    }

    @AfterEach
    void close() {
        fx(() -> {
            window.run().stopAndWait();
            return null;
        });
        workers.close();
    }

    @Test
    void theNodeServesAStudyFromTheWindowAndTheAuditTableShowsWhatLeft(FxRobot robot) throws Exception {
        int port = NodeKits.freePort();
        Path kit = NodeKits.provision(dir.resolve("kit"), "heart", port, "city-general");
        NodeKits.withHeartTable(NodeKits.hospital(kit, "city-general"), "city-general.csv");
        assertThat(robot.lookup("#node-promise").queryAs(Labeled.class).getText())
                .startsWith("Patient rows never leave this computer.");
        assertThat(robot.lookup("#node-start").queryButton().isDisabled()).as("nothing to start yet").isTrue();

        dialogs.folders.add(NodeKits.hospital(kit, "city-general"));
        robot.clickOn("#node-import-kit");
        await(() -> window.settings().config() != null);
        assertThat(robot.lookup("#node-identity").queryAs(Labeled.class).getText())
                .startsWith("Hospital 'city-general' in study 'heart', coordinator 127.0.0.1:" + port);

        try (KitCoordinator coordinator = new KitCoordinator(kit, "heart", port, List.of("city-general"))) {
            robot.clickOn("#node-start");
            await(() -> window.run().stateProperty().get() == ConnectionState.CONNECTED);
            assertThat(robot.lookup("#node-state").queryAs(Labeled.class).getText()).isEqualTo("Connected");

            assertThat(coordinator.runHeartStudy(List.of("city-general"), 2).history().status())
                    .isEqualTo(RunStatus.FINISHED);
            await(() -> window.audit().rows().stream().anyMatch(r -> r.round().equals("2")));
            robot.clickOn("Audit log");
            WaitForAsyncUtils.waitForFxEvents();
            TableView<AuditRow> audit = robot.lookup("#audit-table").queryTableView();
            assertThat(audit.getItems()).extracting(AuditRow::procedure).contains("table.schema", "train", "evaluate");
            assertThat(audit.getItems()).allMatch(r -> r.outcome().equals("served"));
            assertThat(robot.lookup("#audit-summary").queryAs(Labeled.class).getText())
                    .matches("\\d+ requests: \\d+ served, 0 refused, 0 failed; .* left this computer in replies\\.");

            robot.clickOn("Node");
            assertThat(robot.lookup("#node-serving").queryAs(Labeled.class).getText())
                    .startsWith("Study 'heart', round 2; last request ");
            robot.clickOn("#node-stop");
            await(() -> window.run().stateProperty().get() == ConnectionState.STOPPED);
            assertThat(robot.lookup("#node-state").queryAs(Labeled.class).getText()).isEqualTo("Stopped");
            assertThat(robot.lookup("#node-start").queryButton().isDisabled()).isFalse();
        }
    }

    @Test
    void aRefusalAndABadNodeFileAreShownInWords(FxRobot robot) throws Exception {
        int port = NodeKits.freePort();
        Path kit = NodeKits.provision(dir.resolve("kit"), "heart", port, "city-general", "rural-clinic");
        NodeKits.withHeartTable(NodeKits.hospital(kit, "rural-clinic"), "rural-clinic.csv");

        // the whole kit instead of the hospital's folder: said, nothing opened
        dialogs.folders.add(kit);
        robot.clickOn("#node-import-kit");
        await(() -> !window.settings().problemProperty().get().isEmpty());
        assertThat(robot.lookup("#node-problem").queryAs(Labeled.class).getText()).contains("is the whole study kit");

        dialogs.folders.add(NodeKits.hospital(kit, "rural-clinic"));
        robot.clickOn("#node-import-kit");
        await(() -> window.settings().config() != null);
        assertThat(robot.lookup("#node-problem").queryAs(Labeled.class).isVisible()).isFalse();
        try (KitCoordinator coordinator = new KitCoordinator(kit, "heart", port, List.of("city-general"))) {
            robot.clickOn("#node-start");
            await(() -> window.run().stateProperty().get() == ConnectionState.REFUSED
                    && window.run().canStartProperty().get());
            assertThat(robot.lookup("#node-state").queryAs(Labeled.class).getText())
                    .isEqualTo("Refused by the coordinator");
            assertThat(robot.lookup("#node-detail").queryAs(Labeled.class).getText())
                    .startsWith("The coordinator refused this node: ").contains("rural-clinic");
        }
    }

    @Test
    void thePolicyIsEditedWithItsExplanationsAndSaved(FxRobot robot) throws Exception {
        Path folder = NodeKits.hospital(NodeKits.provision(dir.resolve("kit"), "heart", 7443, "city-general"),
                "city-general");
        fx(() -> window.open(folder));
        robot.clickOn("Policy");
        assertThat(robot.lookup(PolicyViewModel.MINIMUM_COUNT).tryQuery()).isPresent();
        // cleared, not double-clicked: a double click under load may select nothing and type after the old value
        javafx.scene.control.TextField minimum = robot.lookup("#policy-minimum").queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(minimum);
        fx(() -> { minimum.clear(); return null; });
        robot.write("abc");
        await(() -> !window.policy().problemProperty().get().isEmpty());
        assertThat(robot.lookup("#policy-problem").queryAs(Labeled.class).getText())
                .isEqualTo("Minimum count: write a whole number, 0 or more (it is 'abc').");
        fx(() -> { minimum.clear(); return null; });
        robot.clickOn(minimum).write("20");
        robot.clickOn("#policy-require-dp");
        await(() -> window.settings().dirtyProperty().get() && window.policy().problemProperty().get().isEmpty());
        robot.clickOn("#node-save");
        await(() -> !window.settings().dirtyProperty().get());
        var saved = org.medfed.project.NodeConfigFile.read(folder.resolve("node.json")).policy();
        assertThat(saved.minimumCount()).isEqualTo(20);
        assertThat(saved.requireDifferentialPrivacy()).isTrue();
    }
}
