package org.medfed.gui.participants;

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
import org.medfed.gui.testing.FxWorkbench;
import org.medfed.gui.testing.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ParticipantsScreenFxTest {

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

    private String cell(FxRobot robot, int row, String column) {
        TableView<ParticipantRow> table = robot.lookup("#participants-table").queryTableView();
        var col = table.getColumns().stream().filter(c -> c.getText().equals(column)).findFirst().orElseThrow();
        return fx(() -> String.valueOf(col.getCellData(row)));
    }

    @Test
    void buildsAStudyFromFilesChosenByDialogAndShowsWhatIsWrong(FxRobot robot) {
        robot.clickOn("#start-new");
        Path data = Samples.SAMPLE.resolve("data");
        app.dialogs.dataFiles.add(List.of(data.resolve("city-general.csv"), data.resolve("rural-clinic.csv")));
        robot.clickOn("#participants-add");
        await(() -> "150".equals(app.workbench.participants().rows().get(1).samplesProperty().get()));
        assertThat(cell(robot, 0, "Hospital")).isEqualTo("city-general");
        assertThat(cell(robot, 0, "Patients")).isEqualTo("400");
        assertThat(cell(robot, 0, "Label balance")).isEqualTo("choose the label (Task and model)");
        assertThat(robot.lookup("#schema-status").queryAs(Labeled.class).getText())
                .contains("once the label is chosen");

        // a hospital's file with a ragged row: the problem appears on its row, in plain words
        Path bad = Samples.write(dir.resolve("broken.csv"), "age,sex,disease", "50,M,1", "61,F");
        app.dialogs.dataFiles.add(List.of(bad));
        robot.clickOn("rural-clinic");
        robot.clickOn("#participants-choose");
        await(() -> app.workbench.participants().rows().get(1).checkProperty().get().startsWith("✖"));
        assertThat(cell(robot, 1, "Check")).contains("broken.csv").contains("line 3");
        assertThat(robot.lookup("#preview-title").queryAs(Labeled.class).getText()).startsWith("rural-clinic: ");
        assertThat(robot.lookup("#status-ready").queryAs(Labeled.class).getText()).startsWith("To do before running");
    }

    @Test
    void previewsTheChosenHospitalAndRenamesInTheTable(FxRobot robot) {
        robot.interact(() -> app.workbench.open(Samples.copy(dir, 3)));
        await(() -> app.workbench.participants().schemaStatusProperty().get().startsWith("✔"));
        robot.clickOn("mountain-hospital");
        assertThat(robot.lookup("#preview-title").queryAs(Labeled.class).getText())
                .startsWith("mountain-hospital: mountain-hospital.csv, 90 rows");
        TableView<ColumnRow> columns = robot.lookup("#preview-columns").queryTableView();
        assertThat(columns.getItems()).extracting(ColumnRow::column).contains("cholesterol", "disease");
        TableView<String[]> rows = robot.lookup("#preview-rows").queryTableView();
        assertThat(rows.getItems()).hasSize(50);
        assertThat(rows.getColumns()).hasSize(9);
        assertThat(cell(robot, 3, "Check")).isEqualTo("✔ ok");

        robot.doubleClickOn("city-general");
        robot.write("City General").type(KeyCode.ENTER);
        await(() -> app.workbench.document().study().participants().get(0).name().equals("City General"));
        assertThat(fx(() -> app.workbench.document().isDirty())).isTrue();

        robot.doubleClickOn("heart-centre");
        robot.write("rural-clinic").type(KeyCode.ENTER);
        assertThat(robot.lookup("#participants-message").queryAs(Labeled.class).getText())
                .isEqualTo("Another hospital is already called 'rural-clinic'.");
        assertThat(fx(() -> app.workbench.document().study().participants().get(2).name())).isEqualTo("heart-centre");

        robot.clickOn("rural-clinic");
        robot.clickOn("#participants-remove");
        assertThat(fx(() -> app.workbench.document().study().participants())).hasSize(3);
    }
}
