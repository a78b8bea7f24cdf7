package org.medfed.gui.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.shell.Screen;
import org.medfed.gui.testing.FxWorkbench;
import org.medfed.gui.participants.mapping.ValueMapRow;
import org.medfed.testsupport.CholesterolUnits;
import org.medfed.testsupport.MixedCoding;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Hospitals that differ as real ones do, made to fit from the Participants screen as a clinician would: an outcome
 * coded in words at one hospital (the check names every hospital's coding, the mapping fixes it, the run trains
 * two classes), a semicolon-separated export, and a file without a header among files with one.
 */
@ExtendWith(ApplicationExtension.class)
class HarmonisingHospitalsFxTest {

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

    private Path study(String... participants) throws Exception {
        return study("Breast cancer at three hospitals", "class", List.of(participants));
    }

    private Path study(String name, String label, List<String> participants) throws Exception {
        Path file = dir.resolve("study.json");
        Files.writeString(file, """
                {"schemaVersion": 2, "name": "%s",
                 "participants": [%s],
                 "data": {"label": "%s", "trainFraction": 0.75},
                 "training": {"rounds": 3, "batchSize": 16, "learningRate": 0.1}}
                """.formatted(name, String.join(",", participants), label));
        return file;
    }

    private static String hospital(String name, String file) {
        return "{\"name\": \"" + name + "\", \"data\": [\"" + file + "\"]}";
    }

    private String status() {
        return fx(() -> app.workbench.participants().schemaStatusProperty().get());
    }

    /** Double-clicks an editable cell, types the value and presses Enter, as a person edits a table. */
    private void edit(FxRobot robot, Node cell, String value) {
        robot.doubleClickOn(cell);
        robot.write(value).type(KeyCode.ENTER);
    }

    private Node becomesCell(FxRobot robot, String value) {
        return robot.lookup((Node n) -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                && "mapping-becomes".equals(c.getTableColumn().getId()) && c.getTableRow() != null
                && c.getTableRow().getItem() instanceof ValueMapRow r && r.value().equals(value)).query();
    }

    @Test
    void theCheckNamesEachHospitalsCodingTheMappingFixesItAndTheRunTrainsTwoClasses(FxRobot robot) throws Exception {
        MixedCoding.write(dir);
        Path file = study(hospital("city-general", "city-general.csv"), hospital("county", "county.csv"),
                hospital("rural", "rural.csv"));
        robot.interact(() -> app.workbench.open(file));
        await(() -> status().startsWith("✖"));
        ListView<SchemaProblem> problems = robot.lookup("#schema-problems").queryListView();
        assertThat(fx(() -> problems.getItems().stream().map(SchemaProblem::toString).toList()))
                .anyMatch(p -> p.startsWith("rural, column 'class': the outcome 'class' is coded differently at the "
                        + "hospitals: city-general: {2, 4}; county: {2, 4}; rural: {benign, malignant}"));
        assertThat(app.runButton(robot).isDisabled()).isTrue();

        // the problem's own button opens rural's mapping; the clinician types the study's codes
        Node mapButton = robot.lookup("#map-rural").query();
        robot.clickOn(mapButton);
        assertThat(fx(() -> app.workbench.participants().selectedProperty().get())).isEqualTo(2);
        assertThat(robot.lookup("#mapping-hint").queryAs(Labeled.class).getText()).contains("rural: {benign, malignant}");
        edit(robot, becomesCell(robot, "benign"), "2");
        edit(robot, becomesCell(robot, "malignant"), "4");
        await(() -> status().startsWith("✔"));
        assertThat(fx(() -> app.workbench.document().study().participants().get(2).siteMapping().recode()))
                .containsEntry("class", java.util.Map.of("benign", "2", "malignant", "4"));

        // the patient_id column is left out with a note, and kept with one click
        assertThat(status()).contains("1 warning");
        assertThat(fx(() -> problems.getItems().get(problems.getItems().size() - 1).message())).contains("'patient_id' looks like an identifier");
        robot.clickOn("#keep-patient_id");
        await(() -> app.workbench.document().study().data().keep().contains("patient_id"));
        await(() -> status().startsWith("✔ The hospitals' tables match"));
        robot.interact(() -> app.workbench.document().edit(s -> s.withData(s.data().withKeep(List.of()))));

        FxWorkbench.goTo(robot, Screen.RUN);
        robot.clickOn("#run-start");
        await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.FINISHED);
        assertThat(fx(() -> app.workbench.run().resultProperty().get().prepared().data().classes()))
                .containsExactly("2", "4");
        assertThat(fx(() -> app.workbench.run().resultProperty().get().prepared().spec().classCount())).isEqualTo(2);
    }

    @Test
    void aHospitalInAnotherUnitIsNamedAndItsButtonSetsTheFactorInItsMapping(FxRobot robot) throws Exception {
        CholesterolUnits.write(dir);
        Path file = study("Heart disease, cholesterol in two units", "disease",
                CholesterolUnits.HOSPITALS.stream().map(h -> hospital(h, h + ".csv")).toList());
        robot.interact(() -> app.workbench.open(file));
        await(() -> status().contains("1 warning"));
        ListView<SchemaProblem> problems = robot.lookup("#schema-problems").queryListView();
        assertThat(fx(() -> problems.getItems().stream().map(SchemaProblem::toString).toList()))
                .anyMatch(p -> p.startsWith("rural-clinic, column 'cholesterol': 'cholesterol' at rural-clinic looks like "
                        + "another unit") && p.contains("mmol/L and mg/dL"));
        assertThat(app.runButton(robot).isDisabled()).as("a hint does not stop the run").isFalse();

        robot.clickOn("#unit-rural-clinic-cholesterol");
        await(() -> status().startsWith("✔ The hospitals' tables match"));
        assertThat(fx(() -> app.workbench.document().study().participants().get(3).siteMapping().scale()))
                .containsEntry("cholesterol", 38.67);
        assertThat(fx(() -> app.workbench.participants().selectedProperty().get())).isEqualTo(3);
        assertThat(robot.lookup("#unit-rural-clinic-cholesterol").tryQuery()).isEmpty();
    }

    @Test
    void aSemicolonExportAndAFileWithoutAHeaderAreMadeUsableOnTheImportOptionsTab(FxRobot robot) throws Exception {
        MixedCoding.write(dir.resolve("a.csv"), MixedCoding.rows(0, 40), ',', false, true);
        MixedCoding.write(dir.resolve("b.csv"), MixedCoding.rows(1, 40), ';', true, true);
        MixedCoding.write(dir.resolve("c.csv"), MixedCoding.rows(0, 30), ',', false, false);
        MixedCoding.write(dir.resolve("d.csv"), MixedCoding.rows(1, 20), ',', false, false);
        Path file = study(hospital("a", "a.csv"), hospital("b", "b.csv"), hospital("c", "c.csv"), hospital("d", "d.csv"));
        robot.interact(() -> app.workbench.open(file));
        await(() -> app.workbench.participants().rows().get(1).checkProperty().get().startsWith("✖"));
        // the message names the setting and the control that changes it
        assertThat(fx(() -> app.workbench.participants().rows().get(1).problemProperty().get()))
                .contains("set the separator to ';'").contains("'Import options' tab").contains("'Separator'");

        robot.clickOn("b");
        robot.clickOn("Import options");
        FxWorkbench.choose(robot, "#import-separator", "; (semicolon)");
        robot.clickOn("#import-decimal-comma");
        await(() -> fx(() -> app.workbench.participants().importOptions().previewStatusProperty().get())
                .startsWith("✔ 40 rows, 5 columns"));
        await(() -> "40".equals(app.workbench.participants().rows().get(1).samplesProperty().get()));
        assertThat(fx(() -> app.workbench.participants().rows().get(1).problemProperty().get())).doesNotContain("separator");
        // c's first patient is no header: its columns are column1 … and do not match the others'
        assertThat(fx(() -> app.workbench.participants().rows().get(2).problemProperty().get()))
                .contains("the label column 'class' is missing from c.csv");

        // c has no header: its first patient was taken for the header, and its columns do not match
        robot.clickOn("c");
        FxWorkbench.pick(robot, "#import-names-from", "a");
        await(() -> "30".equals(app.workbench.participants().rows().get(2).samplesProperty().get()));
        var study = fx(() -> app.workbench.document().study());
        assertThat(study.participants().get(1).csv().separator()).isEqualTo(";");
        assertThat(study.participants().get(1).csv().decimalComma()).isTrue();
        assertThat(study.participants().get(2).csv().header()).isEqualTo("no");
        assertThat(study.participants().get(2).csv().columnNames()).containsExactly(MixedCoding.HEADER.split(","));
        assertThat(fx(() -> app.workbench.participants().rows().get(2).samplesProperty().get())).isEqualTo("30");
        // the preview shows the file read with the names just taken, not as it was read before
        await(() -> fx(() -> app.workbench.participants().importOptions().previewStatusProperty().get())
                .contains("columns named as given"));
        assertThat(fx(() -> List.copyOf(app.workbench.participants().importOptions().previewColumns())))
                .containsExactly(MixedCoding.HEADER.split(","));

        // the same hospital's names again, for the next file without a header (a choice box kept its last pick,
        // and picking it again did nothing)
        robot.interact(() -> app.workbench.participants().selectHospital("d"));
        await(() -> fx(() -> app.workbench.participants().importOptions().titleProperty().get()).startsWith("How d's"));
        FxWorkbench.pick(robot, "#import-names-from", "a");
        await(() -> fx(() -> app.workbench.participants().importOptions().previewStatusProperty().get())
                .startsWith("✔ 20 rows") && fx(() -> app.workbench.participants().importOptions().previewStatusProperty()
                .get()).contains("columns named as given"));
        assertThat(fx(() -> app.workbench.document().study().participants().get(3).csv().columnNames()))
                .containsExactly(MixedCoding.HEADER.split(","));
        await(() -> status().startsWith("✔"));
    }
}
