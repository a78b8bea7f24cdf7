package org.medfed.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.FxUserDialogs;
import org.medfed.gui.common.UserDialogs;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.testing.FxWorkbench;
import org.medfed.gui.testing.Samples;
import org.medfed.project.StudyFile;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MenusAndDialogsFxTest {

    @TempDir
    Path dir;
    private FxWorkbench app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new FxWorkbench(stage, dir);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void shortcutsSaveAndAskBeforeChangesAreLost(FxRobot robot) {
        Path study = Samples.copy(dir, 3);
        robot.interact(() -> app.workbench.open(study));
        robot.interact(() -> app.workbench.document().edit(s -> s.withName("Edited")));
        robot.push(KeyCode.SHORTCUT, KeyCode.N);
        assertThat(app.dialogs.unsavedQuestions).isEqualTo(1);
        assertThat(fx(() -> app.workbench.document().study().name())).as("Cancel keeps the study").isEqualTo("Edited");

        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        await(() -> !app.workbench.document().isDirty());
        assertThat(StudyFile.load(study).name()).isEqualTo("Edited");

        robot.clickOn("File").clickOn("#menu-new");
        assertThat(fx(() -> app.workbench.document().file())).isNull();
        assertThat(app.dialogs.unsavedQuestions).as("nothing unsaved, nothing asked").isEqualTo(1);

        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT5);
        assertThat(fx(() -> app.workbench.shell().screenProperty().get())).isEqualTo(Screen.RUN);
        robot.push(KeyCode.F5);
        assertThat(fx(() -> app.workbench.run().phaseProperty().get().name())).as("F5 does nothing while the study cannot run")
                .isEqualTo("IDLE");
    }

    @Test
    void errorsSpeakPlainlyWithTheStackTraceOnlyBehindDetails(FxRobot robot) {
        FxUserDialogs dialogs = new FxUserDialogs(() -> stage);
        Platform.runLater(() -> dialogs.showError("Could not open the study",
                new BadInputException(Path.of("/data/study.json"), "line 3", "expected a number")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-message").queryAs(Label.class).getText()).isEqualTo("study.json line 3: expected a number");
        DialogPane pane = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(pane.getExpandableContent()).as("no trace for bad input").isNull();
        robot.clickOn("OK");

        Platform.runLater(() -> dialogs.showError("The run could not start", new IllegalStateException("boom")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-message").queryAs(Label.class).getText()).startsWith("Something went wrong inside MedFed");
        DialogPane bug = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(bug.isExpanded()).isFalse();
        robot.clickOn("Show Details");
        assertThat(bug.isExpanded()).isTrue();
        assertThat(robot.lookup(".text-area").queryTextInputControl().getText()).contains("IllegalStateException: boom");
        robot.clickOn("OK");
    }

    @Test
    void theUnsavedChangesDialogOffersSaveDontSaveAndCancel(FxRobot robot) {
        FxUserDialogs dialogs = new FxUserDialogs(() -> stage);
        AtomicReference<UserDialogs.UnsavedChoice> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialogs.askUnsavedChanges("My study")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Save the changes to \"My study\"?").tryQuery()).isPresent();
        robot.clickOn("Don't save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answer.get()).isEqualTo(UserDialogs.UnsavedChoice.DISCARD);
    }

    @Test
    void quittingDuringARunAsksStopsItKeepsItsRoundsAndThenCloses(FxRobot robot) throws Exception {
        Path study = Samples.copy(dir, 300, 20);
        robot.interact(() -> app.workbench.open(study));
        robot.interact(() -> {
            app.workbench.run().compareWithBaselinesProperty().set(false);
            app.workbench.run().start();
        });
        await(() -> app.workbench.run().points().size() >= 1);

        robot.push(KeyCode.SHORTCUT, KeyCode.Q);
        assertThat(app.dialogs.questions).containsExactly("A run is going on: stop it and close?");
        assertThat(fx(() -> app.workbench.run().isActive())).as("Keep running").isTrue();
        assertThat(app.exits.get()).isZero();

        app.dialogs.confirmAnswers.add(true);
        robot.push(KeyCode.SHORTCUT, KeyCode.Q);
        await(() -> app.exits.get() == 1);
        assertThat(fx(() -> app.workbench.run().phaseProperty().get())).isEqualTo(RunViewModel.Phase.STOPPED);
        assertThat(app.dialogs.unsavedQuestions).as("nothing unsaved").isZero();
        // the stopped run is whole in the study's run history
        Path runs = org.medfed.gui.results.RunHistoryStore.folderFor(study);
        await(() -> java.nio.file.Files.isDirectory(runs) && java.nio.file.Files.list(runs)
                .anyMatch(org.medfed.study.RunFolder::isFinished));
        assertThat(app.workbench.results().runs()).isNotEmpty();
    }

    @Test
    void theConfirmQuestionKeepsTheRunUnlessTheStopButtonIsChosen(FxRobot robot) {
        FxUserDialogs dialogs = new FxUserDialogs(() -> stage);
        AtomicReference<Boolean> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialogs.confirm("A run is going on", "A run is going on: stop it and close?",
                "Stopping keeps the rounds done so far.", "Stop the run and close", "Keep running")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("A run is going on: stop it and close?").tryQuery()).isPresent();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answer.get()).as("Enter keeps the run").isFalse();
        Platform.runLater(() -> answer.set(dialogs.confirm("A run is going on", "A run is going on: stop it and close?",
                "Stopping keeps the rounds done so far.", "Stop the run and close", "Keep running")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Stop the run and close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answer.get()).isTrue();
    }

    @Test
    void undoAndRedoFromTheKeyboardAndTheEditMenu(FxRobot robot) {
        Path study = Samples.copy(dir, 3);
        robot.interact(() -> app.workbench.open(study));
        FxWorkbench.goTo(robot, Screen.PARTICIPANTS);
        robot.clickOn("rural-clinic");
        robot.clickOn("#participants-remove");
        assertThat(fx(() -> app.workbench.document().study().participants())).hasSize(3);
        assertThat(robot.lookup("#participants-notice").queryAs(Label.class).getText())
                .isEqualTo("Removed rural-clinic —");
        assertThat(robot.lookup("#participants-undo").queryAs(javafx.scene.control.Hyperlink.class).getText())
                .isEqualTo("Undo (Ctrl+Z)");
        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        assertThat(fx(() -> app.workbench.document().study().participants())).hasSize(4);
        assertThat(fx(() -> app.workbench.document().isDirty())).isFalse();
        robot.push(KeyCode.SHORTCUT, KeyCode.Y);
        assertThat(fx(() -> app.workbench.document().study().participants())).hasSize(3);
        robot.clickOn("Edit").clickOn("#menu-undo");
        assertThat(fx(() -> app.workbench.participants().rows())).hasSize(4);
        robot.clickOn("rural-clinic");
        robot.clickOn("#participants-remove");
        robot.clickOn("#participants-undo");
        assertThat(fx(() -> app.workbench.participants().rows())).hasSize(4);
    }

    @Test
    void f1ExplainsTheScreenShowingAndTheTourWalksTheSample(FxRobot robot) {
        FxWorkbench.goTo(robot, Screen.ALGORITHM);
        robot.push(KeyCode.F1);
        assertThat(app.dialogs.helps).singleElement().asString().startsWith("Help: Algorithm: The Algorithm screen");

        robot.clickOn("Help").clickOn("#menu-help-tour");
        await(() -> app.workbench.help().indexProperty().get() == 0);
        assertThat(robot.lookup("#tour-step").queryAs(Label.class).getText()).startsWith("Guided tour, step 1 of ");
        assertThat(robot.lookup("#tour-band").query().isVisible()).isTrue();
        robot.clickOn("#tour-next");
        assertThat(fx(() -> app.workbench.shell().screenProperty().get())).isEqualTo(Screen.TASK);
        robot.clickOn("#tour-end");
        assertThat(robot.lookup("#tour-band").query().isVisible()).isFalse();

        robot.clickOn("Help").clickOn("#menu-help-about");
        assertThat(app.dialogs.infos).last().asString().contains("JavaFX: 21.").contains("ONNX Runtime: ");
    }

    @Test
    void longTooltipsWrapInsteadOfRunningOffTheScreen(FxRobot robot) {
        robot.interact(() -> app.workbench.open(Samples.copy(dir, 3)));
        FxWorkbench.goTo(robot, Screen.PARTICIPANTS);
        await(() -> app.workbench.participants().schemaStatusProperty().get().startsWith("✔"));
        var tips = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Control c && c.getTooltip() != null
                && c.getTooltip().getText() != null && c.getTooltip().getText().contains("city-general"))
                .queryAllAs(javafx.scene.control.Control.class);
        assertThat(tips).isNotEmpty().allSatisfy(c -> {
            assertThat(c.getTooltip().isWrapText()).isTrue();
            assertThat(c.getTooltip().getMaxWidth()).isEqualTo(480);
        });
    }
}
