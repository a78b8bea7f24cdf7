package org.medfed.gui.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.shell.Screen;
import org.medfed.gui.testing.FxWorkbench;
import org.medfed.gui.testing.Samples;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.KitNodes;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A researcher makes the study's kits with "Provision hospitals…", reads which folder goes to which hospital and
 * that the CA key is never sent, and the hospitals' nodes, started from their folders of that kit, connect to the
 * workbench, which listens with the kit's coordinator folder.
 */
@ExtendWith(ApplicationExtension.class)
class ProvisionScreenFxTest {

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

    @Test
    void makesTheKitsSaysWhatToSendAndTheNodesOfTheKitConnect(FxRobot robot) {
        Path file = Samples.copy(dir, 2);
        StudyFile.save(StudyFile.load(file).withParticipants(List.of(
                ParticipantEntry.remote("city-general", "city-general", "heart"),
                ParticipantEntry.remote("rural-clinic", "rural-clinic", "heart"))), file);
        robot.interact(() -> app.workbench.open(file));
        FxWorkbench.goTo(robot, Screen.PARTICIPANTS);

        robot.clickOn("#participants-provision");
        assertThat(robot.lookup("#provision-hospitals").queryAs(TextField.class).getText())
                .isEqualTo("city-general, rural-clinic");
        int port = KitNodes.freePort();
        robot.clickOn("#provision-coordinator").push(KeyCode.CONTROL, KeyCode.A).write("127.0.0.1:" + port);
        Path kit = dir.resolve("kits");
        app.dialogs.folders.add(kit);
        robot.clickOn("#provision-choose-folder");
        robot.clickOn("#provision-make");
        await(() -> app.workbench.provision().doneProperty().get());
        String said = robot.lookup("#provision-instructions").queryAs(TextArea.class).getText();
        assertThat(said).contains("city-general:  " + kit.resolve("hospitals/city-general"))
                .contains("rural-clinic:  " + kit.resolve("hospitals/rural-clinic"))
                .contains("Never send " + kit.resolve("ca/ca.key") + " (the study's CA key) to anyone");
        assertThat(robot.lookup("#provision-make").queryButton().getText()).isEqualTo("Close");
        robot.clickOn("#provision-make");
        assertThat(robot.lookup("#provision-instructions").tryQuery()).isEmpty();

        // the study now listens with the kit's coordinator folder, and the kit's nodes connect
        await(() -> app.workbench.coordinator().listeningProperty().get());
        String study = fx(() -> app.workbench.document().study().name());
        nodes = KitNodes.of(kit, study, port);
        for (String h : List.of("city-general", "rural-clinic")) {
            nodes.configure(h, file.resolveSibling("data/" + h + ".csv"), null);
            nodes.start(h);
        }
        await(() -> app.workbench.remote().rows().stream().allMatch(r -> r.stateProperty().get() == NodeState.CONNECTED));
    }
}
