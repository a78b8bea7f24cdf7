package org.medfed.gui.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class AlgorithmScreenFxTest {

    @TempDir
    Path dir;
    private FxWorkbench app;

    @Start
    void start(Stage stage) {
        app = new FxWorkbench(stage, dir);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void retype(FxRobot robot, String field, String text) {
        robot.doubleClickOn(field);
        robot.push(KeyCode.SHORTCUT, KeyCode.A);
        robot.write(text);
    }

    @Test
    void anInvalidParameterIsExplainedNextToItsFieldAndRunStaysDisabled(FxRobot robot) {
        robot.interact(() -> app.workbench.open(Samples.copy(dir, 3)));
        FxWorkbench.goTo(robot, Screen.ALGORITHM);
        assertThat(robot.lookup("#algorithm-explanation").queryAs(Labeled.class).getText())
                .contains("more training patients counts more");
        Button run = app.runButton(robot);
        await(() -> !run.isDisabled());

        retype(robot, "#field-learningRate", "0");
        Label error = robot.lookup("#error-learningRate").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Learning rate must be a number above 0 and at most 10");
        assertThat(robot.lookup("#field-learningRate").queryAs(TextField.class).getStyleClass()).contains("invalid");
        assertThat(run.isDisabled()).isTrue();
        assertThat(robot.lookup("#status-ready").queryAs(Labeled.class).getText())
                .isEqualTo("To do before running: Fix the fields marked in red on the Algorithm screen.");
        assertThat(fx(() -> app.workbench.document().study().training().learningRate())).isEqualTo(0.05);

        retype(robot, "#field-learningRate", "0.1");
        assertThat(error.isVisible()).isFalse();
        assertThat(run.isDisabled()).isFalse();
        assertThat(fx(() -> app.workbench.document().study().training().learningRate())).isEqualTo(0.1);

        retype(robot, "#field-fraction", "0");
        assertThat(robot.lookup("#error-fraction").queryAs(Label.class).getText())
                .isEqualTo("The share of hospitals must be a number above 0 and at most 1");
        assertThat(run.isDisabled()).isTrue();
        retype(robot, "#field-fraction", "1");
        assertThat(run.isDisabled()).isFalse();
    }

    @Test
    void pickingAnAlgorithmExplainsItAndChecksItsParameters(FxRobot robot) {
        robot.interact(() -> app.workbench.open(Samples.copy(dir, 3)));
        FxWorkbench.goTo(robot, Screen.ALGORITHM);
        robot.clickOn("FedProx");
        assertThat(robot.lookup("#algorithm-explanation").queryAs(Labeled.class).getText()).contains("pull back");
        assertThat(robot.lookup("#field-mu").queryAs(TextField.class).getText()).isEqualTo("0.01");
        retype(robot, "#field-mu", "-1");
        assertThat(robot.lookup("#error-mu").queryAs(Label.class).getText()).isEqualTo("Mu must be >= 0, was -1");
        assertThat(app.runButton(robot).isDisabled()).isTrue();
        retype(robot, "#field-mu", "0.1");
        assertThat(fx(() -> app.workbench.document().study().strategy().id())).isEqualTo("fedprox");
        assertThat(fx(() -> app.workbench.document().study().strategy().parameters())).containsEntry("mu", 0.1);

        robot.clickOn("SCAFFOLD");
        assertThat(robot.lookup("#field-mu").tryQuery()).isEmpty();
        assertThat(robot.lookup("#field-serverLearningRate").queryAs(TextField.class).getText()).isEqualTo("1");
    }
}
