package org.medfed.gui.testing;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.medfed.concurrency.Workers;
import org.medfed.gui.Workbench;
import org.medfed.gui.common.ExecutorBackgroundTasks;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.SampleStudies;
import org.medfed.gui.results.RunHistoryStore;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole workbench in a TestFX stage, as the application builds it (real background threads and
 * {@code Platform::runLater}), with stub dialogs so a test chooses files as a person would.
 */
public final class FxWorkbench {

    public final Workbench workbench;
    public final StubDialogs dialogs = new StubDialogs();
    /** How often the workbench closed the application (Quit, or closing once a run has stopped). */
    public final java.util.concurrent.atomic.AtomicInteger exits = new java.util.concurrent.atomic.AtomicInteger();
    private final Workers workers = new Workers();

    public FxWorkbench(Stage stage, Path tempDir) {
        ExecutorBackgroundTasks tasks = new ExecutorBackgroundTasks(workers, Platform::runLater);
        workbench = new Workbench(tasks, dialogs, new RecentStudies(tempDir.resolve("home/recent.txt")),
                SampleStudies.list(), new RunHistoryStore(), exits::incrementAndGet);
        stage.setScene(new Scene(workbench.root(), 1240, 760));
        // Monocle's headless screen is 1280 x 800: a larger window overflows its buffer
        stage.show();
    }

    /**
     * The Run screen's Start button from any screen: only the chosen screen is in the scene, but Start's enabled
     * state (the same as the Run menu's) is what a form's validity is checked against.
     */
    public javafx.scene.control.Button runButton(org.testfx.api.FxRobot robot) {
        return robot.from(workbench.runView().root()).lookup("#run-start").queryButton();
    }

    /** Reads view-model state on the FX thread. */
    public static <T> T fx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }

    /** Waits (up to a minute) for a condition read on the FX thread. */
    public static void await(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not reached within 60 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the screen's tab, as a person would. */
    public static void goTo(org.testfx.api.FxRobot robot, org.medfed.gui.shell.Screen screen) {
        robot.clickOn(robot.lookup((javafx.scene.Node n) -> n.getStyleClass().contains("tab-label")
                && n instanceof javafx.scene.control.Labeled l && screen.title().equals(l.getText())).<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens a combo box and clicks one of its choices in the pop-up list. */
    public static void choose(org.testfx.api.FxRobot robot, String comboId, String choice) {
        javafx.scene.Node combo = robot.lookup(comboId).query();
        robot.clickOn(combo);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && choice.equals(c.getText()) && n.getScene() != combo.getScene() && n.isVisible()).<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the menu button {@code menuId} and clicks its item {@code item}. */
    public static void pick(org.testfx.api.FxRobot robot, String menuId, String item) {
        javafx.scene.Node menu = robot.lookup(menuId).query();
        robot.clickOn(menu);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l
                && item.equals(l.getText()) && n.getScene() != menu.getScene() && n.isVisible()).<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void close() {
        workbench.coordinator().close();
        workers.close();
    }
}
