package org.medfed.gui.genotypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.analytics.gwas.AssociationResult;
import org.medfed.analytics.gwas.GwasProgress;
import org.medfed.analytics.gwas.GwasResult;
import org.medfed.engine.RunControl;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.StudyFile;
import org.medfed.report.ManhattanLayout;
import org.medfed.study.AssociationStudy;
import org.medfed.testsupport.TestWorkers;

/** The workbench's association run on the sample study: the causal variants are found, and the table is the engine's. */
class AssociationRunOnSampleTest {

    @TempDir
    Path dir;

    @Test
    void findsTheCausalVariantsAndShowsTheEnginesPValues() throws Exception {
        Path studyFile = GenotypeSamples.copy(dir);
        StudyDocument document = new StudyDocument();
        document.replace(StudyFile.load(studyFile), studyFile);
        StubDialogs dialogs = new StubDialogs();
        try (QueuedUi ui = QueuedUi.worker()) {
            AssociationRunViewModel run = new AssociationRunViewModel(document, ui, FXCollections.observableArrayList());
            AssociationResultsViewModel results = new AssociationResultsViewModel(ui, dialogs);
            run.resultProperty().addListener((obs, was, is) -> results.show(is, run.outputFolderProperty().get()));
            run.start();
            assertThat(run.phaseProperty().get()).isEqualTo(AssociationRunViewModel.Phase.RUNNING);
            ui.until(() -> !run.isActive(), Duration.ofMinutes(2));
            assertThat(run.phaseProperty().get()).as(run.messageProperty().get())
                    .isEqualTo(AssociationRunViewModel.Phase.DONE);
            assertThat(run.outputFolderProperty().get().resolve("results.tsv")).exists();
            assertThat(run.outputFolderProperty().get().getParent().getFileName().toString()).isEqualTo("study.runs");

            GwasResult shown = results.resultProperty().get();
            double threshold = shown.settings().significance();
            Map<String, VariantRow> byId = results.rows().stream()
                    .collect(Collectors.toMap(VariantRow::id, Function.identity()));
            for (String causal : GenotypeSamples.CAUSAL) {
                assertThat(byId.get(causal).p()).as(causal).isLessThan(threshold);
            }
            assertThat(results.summaryProperty().get()).contains("syn238").contains("λ =");

            // the same study through the engine's API, outside the workbench
            GwasResult engine = AssociationStudy.run(TestWorkers.shared(), StudyFile.load(studyFile), studyFile, dir.resolve("engine"), false,
                    RunControl.free(), GwasProgress.NONE);
            assertThat(results.rows()).hasSize(engine.results().size());
            for (int i = 0; i < engine.results().size(); i++) {
                AssociationResult e = engine.results().get(i);
                VariantRow row = results.rows().get(i);
                assertThat(row.id()).isEqualTo(e.variant().label());
                assertThat(Double.compare(row.p(), e.p())).as(row.id()).isZero();
                assertThat(Double.compare(row.effect(), e.effect())).as(row.id()).isZero();
            }

            // the table exported through the engine's writer is the engine's file, byte for byte
            Path exported = dir.resolve("exported.tsv");
            dialogs.saveFiles.add(exported);
            results.exportTable();
            ui.until(() -> results.messageProperty().get().startsWith("The results table was saved"), Duration.ofSeconds(30));
            assertThat(Files.readAllLines(exported)).isEqualTo(Files.readAllLines(dir.resolve("engine/results.tsv")));

            // the report is made from the study's output folder
            Path report = dir.resolve("report.html");
            dialogs.saveFiles.add(report);
            results.saveReport();
            ui.until(() -> results.messageProperty().get().startsWith("The report was saved"), Duration.ofSeconds(30));
            assertThat(Files.readString(report)).contains("<section id=\"hits\"", "syn238", "data:image/png;base64,");

            // a click on the strongest point selects its variant and shows its details
            ManhattanLayout layout = results.manhattanProperty().get();
            int top = 0;
            for (int i = 1; i < layout.size(); i++) {
                top = layout.y(i) > layout.y(top) ? i : top;
            }
            int point = layout.nearest(layout.x(top), layout.y(top) - 0.05, layout.width() / 1000, 0.05, 8);
            results.selectPoint(point);
            VariantRow chosen = results.selectedProperty().get();
            assertThat(chosen.negLog10P()).isEqualTo(layout.y(top));
            assertThat(Arrays.asList(GenotypeSamples.CAUSAL)).contains(chosen.id());
            assertThat(results.detailsProperty().get()).contains(chosen.id()).contains("OR ").contains("p = ");
            assertThat(results.selectedPoint()).isEqualTo(top);
        }
    }

    @Test
    void aStoppedStudySaysSoAndKeepsNoResult() {
        Path studyFile = GenotypeSamples.copy(dir);
        StudyDocument document = new StudyDocument();
        document.replace(StudyFile.load(studyFile), studyFile);
        try (QueuedUi ui = QueuedUi.worker()) {
            AssociationRunViewModel run = new AssociationRunViewModel(document, ui, FXCollections.observableArrayList());
            run.start();
            run.stop();
            assertThat(run.phaseProperty().get()).isEqualTo(AssociationRunViewModel.Phase.STOPPING);
            ui.until(() -> !run.isActive(), Duration.ofMinutes(1));
            assertThat(run.phaseProperty().get()).isEqualTo(AssociationRunViewModel.Phase.STOPPED);
            assertThat(run.resultProperty().get()).isNull();
            assertThat(run.messageProperty().get()).contains("stopped");
        }
    }

    @Test
    void aStudyThatIsNotReadyDoesNotStart() {
        StudyDocument document = new StudyDocument();
        var blockers = FXCollections.observableArrayList(List.of("Choose the phenotype column (Task and model)."));
        AssociationRunViewModel run = new AssociationRunViewModel(document, QueuedUi.sameThread(), blockers);
        assertThat(run.canStartProperty().get()).isFalse();
        run.start();
        assertThat(run.phaseProperty().get()).isEqualTo(AssociationRunViewModel.Phase.IDLE);
        assertThat(run.messageProperty().get()).startsWith("Not ready: Choose the phenotype column");
        blockers.clear();
        assertThat(run.canStartProperty().get()).isTrue();
    }
}
