package org.medfed.gui.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
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
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ProtectionsScreenFxTest {

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

    /** Scrolls the Algorithm screen so that the node is in view, as a person would before clicking it. */
    private static void reveal(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            Node p = node.getParent();
            while (p != null && !(p instanceof ScrollPane)) {
                p = p.getParent();
            }
            ScrollPane scroll = (ScrollPane) p;
            Node content = scroll.getContent();
            Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (b.getMinY() - 40) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Visible with every ancestor. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void retype(FxRobot robot, String field, String text) {
        reveal(robot, field);
        robot.doubleClickOn(field);
        robot.push(KeyCode.SHORTCUT, KeyCode.A);
        robot.write(text);
    }

    @Test
    void anInvalidEpsilonIsExplainedNextToItsFieldAndKeepsRunDisabled(FxRobot robot) {
        robot.interact(() -> app.workbench.open(Samples.copy(dir, 3)));
        FxWorkbench.goTo(robot, Screen.ALGORITHM);
        Button run = app.runButton(robot);
        await(() -> !run.isDisabled());
        assertThat(shown(robot.lookup("#field-dpTargetEpsilon").query())).as("DP settings hidden while DP is off").isFalse();

        reveal(robot, "#protect-dp");
        robot.clickOn("#protect-dp");
        assertThat(shown(robot.lookup("#field-dpTargetEpsilon").query())).isTrue();
        assertThat(fx(() -> app.workbench.document().study().privacy().dp().targetEpsilon())).isEqualTo(5.0);
        retype(robot, "#field-dpTargetEpsilon", "0");
        Label error = robot.lookup("#error-dpTargetEpsilon").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Epsilon must be above 0");
        assertThat(run.isDisabled()).isTrue();
        assertThat(robot.lookup("#status-ready").queryAs(Labeled.class).getText())
                .isEqualTo("To do before running: Fix the fields marked in red on the Algorithm screen.");

        retype(robot, "#field-dpTargetEpsilon", "2");
        assertThat(error.isVisible()).isFalse();
        assertThat(run.isDisabled()).isFalse();
        assertThat(fx(() -> app.workbench.document().study().privacy().dp().targetEpsilon())).isEqualTo(2.0);

        retype(robot, "#field-dpDelta", "0.5");
        assertThat(robot.lookup("#error-dpDelta").queryAs(Label.class).getText())
                .isEqualTo("Delta must be below 1/4 for 4 hospitals; 1e-5 is usual");
        assertThat(run.isDisabled()).isTrue();
        retype(robot, "#field-dpDelta", "0.00001");
        assertThat(run.isDisabled()).isFalse();
    }

    @Test
    void aCombinationTheEngineRefusesIsExplainedAndBlocksTheRun(FxRobot robot) {
        robot.interact(() -> app.workbench.open(Samples.copy(dir, 3)));
        FxWorkbench.goTo(robot, Screen.ALGORITHM);
        Button run = app.runButton(robot);
        await(() -> !run.isDisabled());

        reveal(robot, "#protect-paillier");
        robot.clickOn("#protect-paillier");
        reveal(robot, "#field-robustRule");
        FxWorkbench.choose(robot, "#field-robustRule", "Coordinate-wise median");
        assertThat(robot.lookup("#robust-explanation").queryAs(Labeled.class).getText()).contains("middle value");
        assertThat(fx(() -> app.workbench.document().study().defence().rule())).isEqualTo("median");
        assertThat(run.isDisabled()).isTrue();
        String problem = "A robust rule must see each hospital's update, which Paillier encryption hides: switch one "
                + "of them off (Algorithm).";
        assertThat(robot.lookup("#protection-problems").lookup(".label").queryAs(Labeled.class).getText()).isEqualTo(problem);
        assertThat(robot.lookup("#status-ready").queryAs(Labeled.class).getText()).contains(problem);

        reveal(robot, "#protect-paillier");
        robot.clickOn("#protect-paillier");
        assertThat(run.isDisabled()).isFalse();
        assertThat(robot.lookup("#protection-problems").lookup(".label").tryQuery()).isEmpty();
    }
}
