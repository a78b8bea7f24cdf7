package org.medfed.gui.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.testing.Samples;
import org.medfed.project.StudyFile;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The hospital speeds as a table that makes fields only for the rows in view (a study of thousands of hospitals
 * once built four text fields per hospital), typed into as a person would, before and after scrolling.
 */
@ExtendWith(ApplicationExtension.class)
class SpeedsTableFxTest {

    @TempDir
    Path dir;

    private final StudyDocument doc = new StudyDocument();
    private SpeedsViewModel vm;

    @Start
    void start(Stage stage) {
        Path file = Samples.manyHospitals(dir, 40, 1);
        doc.replace(StudyFile.load(file), file);
        vm = new SpeedsViewModel(doc);
        stage.setScene(new Scene((javafx.scene.Parent) new SpeedsView(vm).root(), 1100, 700));
        stage.show();
    }

    private static void retype(FxRobot robot, String field, String text) {
        robot.doubleClickOn(field);
        robot.push(KeyCode.SHORTCUT, KeyCode.A);
        robot.write(text);
    }

    @Test
    void onlyTheRowsInViewHaveFieldsAndAFigureTypedThereIsTheHospitalsOwn(FxRobot robot) {
        assertThat(vm.rows()).hasSize(41);
        int fields = robot.lookup(".text-field").queryAll().size();
        assertThat(fields).as("fields for a screenful of rows, not 4 x 41").isLessThan(4 * 20);

        retype(robot, "#speed-hospital-02-secondsPerStep", "0.05");
        assertThat(fx(() -> doc.study().simulation().hospitals().get("hospital-02").secondsPerStep())).isEqualTo(0.05);
        assertThat(vm.rowOf("hospital-02").noteProperty().get()).isEqualTo("own speed");
    }

    @Test
    void theLastHospitalIsEditedAfterScrollingAndABadFigureIsNamedWithItsHospital(FxRobot robot) {
        TableView<?> table = robot.lookup("#speeds-grid").queryTableView();
        assertThat(robot.lookup("#speed-hospital-40-dropout").tryQuery()).as("not in view yet").isEmpty();
        robot.interact(() -> table.scrollTo(40));
        retype(robot, "#speed-hospital-40-dropout", "1");
        assertThat(fx(() -> vm.errors())).singleElement().asString().startsWith("hospital-40: ");
        assertThat(robot.lookup("#speed-hospital-40-dropout").queryAs(TextField.class).getStyleClass()).contains("invalid");
        assertThat(fx(() -> doc.study().simulation())).as("never reaches the study").isNull();

        robot.push(KeyCode.BACK_SPACE);
        robot.write("0.2");
        assertThat(fx(() -> vm.errors())).isEmpty();
        assertThat(fx(() -> doc.study().simulation().hospitals().get("hospital-40").dropout())).isEqualTo(0.2);

        // scrolled back, the first rows' fields show their own figures again (cells are reused, not the values)
        robot.interact(() -> table.scrollTo(0));
        assertThat(robot.lookup("#speed-hospital-01-dropout").queryAs(TextField.class).getText()).isEqualTo("0");
        assertThat(robot.lookup("#speed-hospital-01-dropout").queryAs(TextField.class).getStyleClass()).doesNotContain("invalid");
    }
}
