package org.medfed.gui.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Path;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.shell.Screen;
import org.medfed.gui.testing.FxWorkbench;
import org.medfed.gui.testing.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StartScreenFxTest {

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
    void theGalleryOpensTheSampleStudy(FxRobot robot) {
        assertThat(robot.lookup("Coronary disease at four hospitals (synthetic)").queryAs(Labeled.class)).isNotNull();
        assertThat(robot.lookup("4 hospitals · patient records (CSV tables)").tryQuery()).isPresent();
        assertThat(robot.lookup("Studies you open or save appear here.").tryQuery()).isPresent();
        robot.clickOn("#sample-heart-4-hospitals");
        await(() -> app.workbench.shell().screenProperty().get() == Screen.PARTICIPANTS);
        TableView<?> table = robot.lookup("#participants-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4);
        assertThat(fx(() -> app.workbench.document().study().name())).startsWith("Coronary disease");
        FxWorkbench.goTo(robot, Screen.START);
        assertThat(robot.lookup(n -> n instanceof javafx.scene.control.Hyperlink h && h.getText().startsWith("study.json"))
                .tryQuery()).as("the sample is now a recent study").isPresent();
    }

    @Test
    void newStudyStartsEmptyOnTheParticipantsScreen(FxRobot robot) {
        robot.clickOn("#start-new");
        await(() -> app.workbench.shell().screenProperty().get() == Screen.PARTICIPANTS);
        assertThat(fx(() -> app.workbench.document().study().participants())).isEmpty();
        assertThat(robot.lookup("#status-ready").queryAs(Labeled.class).getText())
                .startsWith("To do before running: Add at least one hospital");
    }

    @Test
    void aNewImageOrGenotypeStudyGetsItsOwnScreens(FxRobot robot) {
        robot.clickOn("#start-new-genotypes");
        await(() -> app.workbench.shell().screenProperty().get() == Screen.PARTICIPANTS);
        assertThat(fx(() -> app.workbench.participants().kindProperty().get())).isEqualTo(DataKind.GENOTYPES);
        assertThat(fx(() -> DataKind.isAssociation(app.workbench.document().study()))).isTrue();
        assertThat(robot.lookup("VCF file, phenotype sheet").tryQuery()).as("the table's file heading").isPresent();

        FxWorkbench.goTo(robot, Screen.START);
        robot.clickOn("#start-new-images");
        await(() -> app.workbench.participants().kindProperty().get() == DataKind.IMAGES);
        assertThat(fx(() -> app.workbench.document().study().model().type())).isEqualTo("cnn");
        assertThat(robot.lookup("Image folder").tryQuery()).isPresent();
        assertThat(fx(() -> app.workbench.imagingTask().valid().get())).as("the imaging form starts valid").isTrue();
    }

    @Test
    void openAsksForAStudyFile(FxRobot robot) {
        app.dialogs.studiesToOpen.add(Samples.copy(dir, 3));
        robot.clickOn("#start-open");
        await(() -> app.workbench.document().file() != null);
        assertThat(fx(() -> app.workbench.document().study().training().rounds())).isEqualTo(3);
    }

    @Test
    void runAHospitalNodeOpensTheNodeWindow(FxRobot robot) {
        javafx.scene.control.Button button = robot.lookup("#start-run-node").queryButton();
        assertThat(fx(() -> button.getWidth())).as("the button shows its whole label")
                .isGreaterThanOrEqualTo(fx(() -> button.prefWidth(-1)));
        robot.clickOn("#start-run-node");
        await(() -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w instanceof Stage s
                && "MedFed hospital node".equals(s.getTitle())));
        assertThat(robot.lookup("#node-promise").tryQuery()).isPresent();
        fx(() -> {
            javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage s
                    && "MedFed hospital node".equals(s.getTitle())).toList().forEach(javafx.stage.Window::hide);
            return null;
        });
    }
}
