package org.medfed.gui.genotypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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

/** The genotype study's screens driven as a person would: files and QC, the Task form, the run and its results. */
@ExtendWith(ApplicationExtension.class)
class GenotypeScreensFxTest {

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

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Labeled.class).getText());
    }

    @Test
    void eachHospitalShowsItsFilesAndQualityControlAndTheFormNamesWhatCannotRun(FxRobot robot) {
        robot.interact(() -> app.workbench.open(GenotypeSamples.copy(dir)));
        FxWorkbench.goTo(robot, Screen.PARTICIPANTS);
        await(() -> app.workbench.genotypeFiles().overview().stream().allMatch(l -> l.contains("pass QC")));
        robot.clickOn("hospital-c");
        await(() -> !app.workbench.genotypeFiles().qcLines().isEmpty());
        assertThat(text(robot, "#gwas-files-hospital")).isEqualTo("hospital-c");
        assertThat(text(robot, "#gwas-vcf-file")).isEqualTo("hospital-c.vcf.gz");
        TableView<HospitalQc.Line> qc = robot.lookup("#gwas-qc").queryTableView();
        assertThat(qc.getItems()).extracting(HospitalQc.Line::what).contains("Samples passing QC", "Cases / controls",
                "Missing-call rate", "Duplicated phenotype ids (left out)");
        assertThat(qc.getItems().get(1).value()).isEqualTo("148 (1 below the sample call rate)");

        // a sheet with a phenotype coded 1/2: the message names the file and the line
        Path bad = Samples.write(dir.resolve("plink-coded.csv"), "sample_id,disease,ldl,age,sex", "HC-0001,2,3.1,50,1");
        app.dialogs.dataFiles.add(List.of(bad));
        robot.clickOn("#gwas-choose-sheet");
        await(() -> text(robot, "#gwas-files-status").contains("line 2"));
        assertThat(text(robot, "#gwas-files-status")).contains("plink-coded.csv").contains("'disease'");
        await(() -> text(robot, "#status-ready").contains("plink-coded.csv line 2"));
        assertThat(text(robot, "#status-ready")).startsWith("To do before running: Hospital 'hospital-c': ");

        // the Task form: an allelic test cannot take covariates; the screen says so and offers the fix
        FxWorkbench.goTo(robot, Screen.TASK);
        FxWorkbench.choose(robot, "#gwas-test", "Allelic chi-square");
        await(() -> "allelic".equals(app.workbench.document().study().genotypes().association().test()));
        assertThat(text(robot, "#gwas-problem")).contains("cannot adjust for covariates");
        assertThat(text(robot, "#status-ready")).startsWith("To do before running");
        robot.clickOn("#gwas-use-logistic");
        await(() -> "logistic".equals(app.workbench.document().study().genotypes().association().test()));
        robot.doubleClickOn("#field-gwas-significance").push(KeyCode.SHORTCUT, KeyCode.A).write("five");
        assertThat(text(robot, "#error-gwas-significance")).isEqualTo("The significance threshold must be a number");
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("1e-6");
        await(() -> app.workbench.document().study().genotypes().association().significance() == 1e-6);
        assertThat(fx(() -> app.workbench.genotypeTask().valid().get())).isTrue();
    }

    @Test
    void runsTheAssociationStudyWithF5AndShowsTheVariantUnderAClick(FxRobot robot) throws Exception {
        robot.interact(() -> app.workbench.open(GenotypeSamples.copy(dir)));
        await(() -> app.workbench.readiness().problems().isEmpty());
        robot.push(KeyCode.F5);
        await(() -> app.workbench.associationRun().phaseProperty().get() == AssociationRunViewModel.Phase.DONE);
        assertThat(text(robot, "#gwas-stage")).startsWith("Finished in");
        // the status line and the Run menu follow the association study, not the round-based run
        await(() -> text(robot, "#status-progress").equals("Association study finished"));
        TableView<?> hospitals = robot.lookup("#gwas-hospitals").queryTableView();
        assertThat(hospitals.getItems()).hasSize(4);

        robot.clickOn("#gwas-show-results");
        assertThat(fx(() -> app.workbench.shell().screenProperty().get())).isEqualTo(Screen.RESULTS);
        assertThat(text(robot, "#gwas-summary")).contains("4 variants pass p < 5e-8");
        TableView<VariantRow> table = robot.lookup("#gwas-table").queryTableView();
        // sorted by p: the causal variants first
        assertThat(fx(() -> table.getItems().subList(0, 4).stream().map(VariantRow::id).toList()))
                .containsExactlyInAnyOrder(GenotypeSamples.CAUSAL);

        // a click on the strongest point of the Manhattan plot shows that variant
        Node screen = robot.lookup("#gwas-results").query();
        Point2D at = fx(() -> ManhattanClicks.strongestPoint(screen, app.workbench.associationResults()));
        Node canvas = fx(() -> ((org.jfree.chart.fx.ChartViewer) screen.lookup("#gwas-manhattan")).getCanvas());
        robot.clickOn(fx(() -> canvas.localToScreen(at)));
        await(() -> app.workbench.associationResults().selectedProperty().get() != null);
        assertThat(text(robot, "#gwas-details")).startsWith("syn238  chromosome 2 position 94,478,477")
                .contains("alleles A (reference) > T (alternate)").contains("OR ").contains("p = 1.19e-11");
        assertThat(fx(() -> table.getSelectionModel().getSelectedItem().id())).isEqualTo("syn238");

        // a click on a row selects its variant; a click on the position header sorts by genome order
        robot.clickOn("syn1507");
        await(() -> "syn1507".equals(app.workbench.associationResults().selectedProperty().get().id()));
        robot.clickOn("Chrom:position");
        assertThat(fx(() -> table.getItems().get(0).chromosome())).isEqualTo("1");
        assertThat(fx(() -> table.getItems().get(0).index())).isZero();

        // exports: the table through the engine's writer, the plots as PNG
        Path tsv = dir.resolve("exported-results.tsv");
        app.dialogs.saveFiles.add(tsv);
        robot.clickOn("#gwas-export-table");
        await(() -> Files.exists(tsv) && text(robot, "#gwas-export-message").startsWith("The results table was saved"));
        assertThat(Files.readAllLines(tsv)).hasSize(1958).first().asString().startsWith("CHROM\tPOS\tID");
        Path png = dir.resolve("manhattan.png");
        app.dialogs.saveFiles.add(png);
        robot.clickOn("#gwas-export-manhattan");
        await(() -> text(robot, "#gwas-export-message").startsWith("The plot was saved"));
        assertThat(Files.size(png)).isGreaterThan(10_000);
        Path report = dir.resolve("association-report.html");
        app.dialogs.saveFiles.add(report);
        robot.clickOn("#gwas-save-report");
        await(() -> text(robot, "#gwas-export-message").startsWith("The report was saved"));
        assertThat(Files.readString(report)).contains("4 variants of 1957 tested reached p &lt; 5.00e-08");
        assertThat(app.dialogs.errors).isEmpty();
    }
}
