package org.medfed.gui.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.shell.Screen;
import org.medfed.gui.testing.FxWorkbench;
import org.medfed.gui.testing.Samples;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.KitNodes;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A researcher adds two hospitals behind nodes on screen, sees them connect, and runs the study through them. */
@ExtendWith(ApplicationExtension.class)
class RemoteHospitalsScreenFxTest {

    @TempDir
    Path dir;
    private FxWorkbench app;
    private KitNodes nodes;

    @Start
    void start(Stage stage) {
        app = new FxWorkbench(stage, dir);
    }

    @AfterEach
    void close() {
        app.close();
        if (nodes != null) {
            nodes.close();
        }
    }

    private String cell(FxRobot robot, String table, int row, String column) {
        TableView<?> t = robot.lookup(table).queryTableView();
        var col = t.getColumns().stream().filter(c -> c.getText().equals(column)).findFirst().orElseThrow();
        return fx(() -> String.valueOf(col.getCellData(row)));
    }

    private void addRemote(FxRobot robot, String name) {
        robot.clickOn("#participants-add-remote");
        robot.clickOn("#remote-name").write(name);
        robot.clickOn("#remote-dataset").write("heart");
        robot.clickOn("#remote-add");
    }

    @Test
    void addsHospitalsBehindNodesSeesThemConnectAndRunsThroughThem(FxRobot robot) {
        Path file = Samples.copy(dir, 2);
        StudyFile.save(StudyFile.load(file).withParticipants(List.of()), file);
        nodes = new KitNodes(dir, "heart", List.of("city-general", "rural-clinic"));
        for (String h : List.of("city-general", "rural-clinic")) {
            nodes.configure(h, file.resolveSibling("data/" + h + ".csv"), null);
        }
        robot.interact(() -> app.workbench.open(file));
        FxWorkbench.goTo(robot, Screen.PARTICIPANTS);

        // the dialog keeps a refused entry open with the reason
        robot.clickOn("#participants-add-remote");
        robot.clickOn("#remote-name").write("city-general");
        robot.clickOn("#remote-add");
        assertThat(robot.lookup("#remote-error").queryAs(Labeled.class).getText()).contains("dataset id");
        robot.clickOn("#remote-dataset").write("heart");
        robot.clickOn("#remote-add");
        addRemote(robot, "rural-clinic");
        await(() -> app.workbench.document().study().participants().size() == 2);
        assertThat(cell(robot, "#participants-table", 1, "Data file")).isEqualTo("node rural-clinic, dataset heart");
        assertThat(robot.lookup("#coordinator-status").queryAs(Labeled.class).getText())
                .startsWith("Not listening for the hospitals' nodes: set the port");

        robot.clickOn("#coordinator-port").write(String.valueOf(nodes.port)).type(KeyCode.ENTER);
        robot.clickOn("#coordinator-bind").write("127.0.0.1").type(KeyCode.ENTER);
        app.dialogs.folders.add(nodes.coordinatorFolder());
        robot.clickOn("#coordinator-choose-kit");
        await(() -> app.workbench.coordinator().listeningProperty().get());
        assertThat(cell(robot, "#remote-hospitals", 0, "Connection")).isEqualTo("waiting");

        nodes.start("city-general");
        nodes.start("rural-clinic");
        await(() -> app.workbench.remote().rows().stream().allMatch(r -> r.stateProperty().get() == NodeState.CONNECTED
                && r.rowsProperty().get().matches("[0-9,]+")));
        await(() -> app.workbench.participants().schemaStatusProperty().get().startsWith("✔"));
        assertThat(cell(robot, "#remote-hospitals", 1, "Rows")).isEqualTo("150");
        assertThat(cell(robot, "#participants-table", 1, "Patients")).isEqualTo("150");
        assertThat(cell(robot, "#participants-table", 1, "Check")).startsWith("node rural-clinic, connected");

        robot.interact(() -> app.workbench.run().compareWithBaselinesProperty().set(false));
        assertThat(fx(() -> List.copyOf(app.workbench.readiness().problems()))).isEmpty();
        FxWorkbench.goTo(robot, Screen.RUN);
        robot.clickOn("#run-start");
        try {
            await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.FINISHED);
        } catch (AssertionError e) {
            throw new AssertionError("run log: " + fx(() -> String.join("\n", app.workbench.run().log())), e);
        }
        await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.FINISHED);
        robot.interact(() -> app.workbench.runView().showLowerTab("tab-nodes"));
        assertThat(cell(robot, "#run-nodes", 0, "Sent / received")).contains("down").contains("up");
        assertThat(cell(robot, "#run-nodes", 0, "Last call round trip")).endsWith("ms");
        assertThat(app.workbench.run().points()).hasSize(2);
    }
}
