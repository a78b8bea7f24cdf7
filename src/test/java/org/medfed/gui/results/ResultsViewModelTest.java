package org.medfed.gui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.RoundRecord;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.Samples;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.StudyFile;
import org.medfed.study.StudyResult;

class ResultsViewModelTest {

    @TempDir
    Path dir;

    private final QueuedUi ui = QueuedUi.sameThread();
    private final StubDialogs dialogs = new StubDialogs();
    private final StudyDocument doc = new StudyDocument();
    private ResultsViewModel vm;
    private StudyResult result;
    private Path study;

    @BeforeEach
    void runTheSample() {
        study = Samples.copy(dir, 5);
        doc.replace(StudyFile.load(study), study);
        RunViewModel run = new RunViewModel(doc, ui, new StudyReadiness(doc));
        vm = new ResultsViewModel(doc, ui, dialogs, new RunHistoryStore(() -> LocalDateTime.of(2026, 11, 25, 14, 23, 1)));
        run.start();
        ui.drain();
        result = run.resultProperty().get();
        vm.show(result);
        ui.drain();
    }

    @Test
    void comparesFederatedWithEachHospitalAloneAndPooled() {
        assertThat(vm.rows()).extracting(ResultsViewModel.Row::model).containsExactly(
                "Federated (all hospitals, data stay home)", "city-general alone", "rural-clinic alone",
                "heart-centre alone", "mountain-hospital alone", "Pooled (all data in one place)");
        assertThat(vm.columns()).containsExactly("city-general", "rural-clinic", "heart-centre", "mountain-hospital",
                "Mean", "Weighted mean");
        RoundRecord last = result.history().lastRound().orElseThrow();
        assertThat(vm.rows().get(0).cells().get(0))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", last.test().get("city-general").metric("accuracy")));
        assertThat(vm.rows().get(0).cells().get(4))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", last.globalMetric("accuracy")));
        vm.metricProperty().set("auc");
        assertThat(vm.rows().get(0).cells().get(4))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", last.globalMetric("auc")));
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void confusionMatrixAndRocAgreeWithTheEnginesEvaluation() {
        RoundRecord last = result.history().lastRound().orElseThrow();
        int testPatients = result.prepared().data().sites().stream().mapToInt(s -> s.test().size()).sum();
        assertThat(vm.confusionProperty().get().total()).isEqualTo(testPatients);
        for (String h : result.prepared().participantNames()) {
            vm.hospitalProperty().set(h);
            ConfusionMatrix m = vm.confusionProperty().get();
            assertThat((double) m.correct() / m.total()).isCloseTo(last.test().get(h).metric("accuracy"), within(1e-12));
            assertThat(vm.predictionsProperty().get().auc(h)).isCloseTo(last.test().get(h).metric("auc"), within(1e-9));
            assertThat(vm.rocTitleProperty().get()).startsWith("ROC curve, " + h + " (AUC ");
        }
        assertThat(vm.roc()).first().satisfies(p -> assertThat(p.truePositiveRate()).isZero());
        assertThat(vm.roc()).last().satisfies(p -> {
            assertThat(p.falsePositiveRate()).isEqualTo(1.0);
            assertThat(p.truePositiveRate()).isEqualTo(1.0);
        });
    }

    @Test
    void keepsTheRunInTheStudysHistoryAndExports() throws Exception {
        Path runDir = dir.resolve("heart/study.runs/20261125-142301");
        assertThat(runDir.resolve("run.properties")).exists();
        assertThat(runDir.resolve("model/model.zip")).exists();
        assertThat(vm.runs()).singleElement().satisfies(r -> {
            assertThat(r.started()).isEqualTo("2026-11-25 14:23:01");
            assertThat(r.status()).isEqualTo("finished");
            assertThat(r.strategy()).isEqualTo("weighted-fedavg");
            assertThat(r.rounds()).isEqualTo(5);
            assertThat(r.federatedAccuracy()).isCloseTo(result.history().lastRound().orElseThrow().globalMetric("accuracy"), within(1e-6));
            assertThat(r.pooledAccuracy()).isBetween(0.5, 1.0);
            assertThat(r.bestLocal()).isNotEmpty();
        });
        vm.show(result);
        ui.drain();
        assertThat(vm.runs()).hasSize(2);
        assertThat(vm.runs().get(0).folder().getFileName().toString()).isEqualTo("20261125-142301-2");

        dialogs.folders.add(dir.resolve("exported"));
        vm.exportModel();
        ui.drain();
        assertThat(dir.resolve("exported/model.zip")).exists();
        assertThat(dir.resolve("exported/model.onnx")).exists();
        assertThat(Files.readString(dir.resolve("exported/model-card.json"))).contains("weighted-fedavg");
        assertThat(dialogs.infos).singleElement().satisfies(i -> assertThat(i).startsWith("Model exported"));

        dialogs.saveFiles.add(dir.resolve("metrics.csv"));
        vm.exportMetricsCsv();
        dialogs.saveFiles.add(dir.resolve("results.csv"));
        vm.exportResultsCsv();
        ui.drain();
        assertThat(Files.readAllLines(dir.resolve("metrics.csv")).get(0)).isEqualTo("round,participant,split,metric,value,clock_seconds,updates_applied");
        assertThat(Files.readAllLines(dir.resolve("results.csv")).get(0)).isEqualTo("model,participant,metric,value");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aRunEndingAfterAnotherStudyWasOpenedIsNotFiledUnderIt() throws Exception {
        Path other = Samples.copy(dir.resolve("other"), 2);
        doc.replace(StudyFile.load(other), other);
        vm.show(result);
        ui.drain();
        assertThat(dir.resolve("other/heart/study.runs")).doesNotExist();
    }
}
