package org.medfed.gui.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Path;
import javafx.scene.control.Label;
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
class TaskScreenFxTest {

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

    @Test
    void choosesLabelFeaturesModelAndSplit(FxRobot robot) {
        robot.interact(() -> app.workbench.open(Samples.copy(dir, 3)));
        await(() -> app.workbench.task().features().size() == 8);
        FxWorkbench.goTo(robot, Screen.TASK);

        FxWorkbench.choose(robot, "#task-label", "smoker");
        await(() -> "smoker".equals(app.workbench.document().study().data().label()));

        // untick a feature: it is left out of the model
        javafx.scene.Node ageRow = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getItem() instanceof FeatureChoice f && f.column().equals("age")).query();
        robot.clickOn(robot.from(ageRow).lookup(".check-box").<javafx.scene.Node>query());
        assertThat(fx(() -> app.workbench.document().study().data().drop())).containsExactly("age");

        FxWorkbench.choose(robot, "#task-model", "mlp");
        await(() -> "mlp".equals(app.workbench.document().study().model().type()));
        robot.doubleClickOn("#field-hidden").push(KeyCode.SHORTCUT, KeyCode.A).write("16,x");
        assertThat(robot.lookup("#error-hidden").queryAs(Label.class).getText())
                .startsWith("Write whole numbers from 1 to 4096");
        assertThat(app.runButton(robot).isDisabled()).isTrue();
        robot.push(KeyCode.BACK_SPACE).write("8");
        assertThat(fx(() -> app.workbench.document().study().model().hidden())).containsExactly(16, 8);

        robot.doubleClickOn("#field-trainFraction").push(KeyCode.SHORTCUT, KeyCode.A).write("1.2");
        assertThat(robot.lookup("#error-trainFraction").queryAs(Label.class).getText())
                .isEqualTo("The training share must be above 0 and below 1");
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("0.7");
        assertThat(fx(() -> app.workbench.document().study().data().trainFraction())).isEqualTo(0.7);
        assertThat(robot.lookup("#field-seed").queryAs(TextField.class).getText()).isEqualTo("42");
        assertThat(app.runButton(robot).isDisabled()).isFalse();
    }
}
