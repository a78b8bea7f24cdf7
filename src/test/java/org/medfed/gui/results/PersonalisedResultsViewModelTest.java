package org.medfed.gui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.Samples;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.metrics.Proportion;
import org.medfed.project.StrategySection;
import org.medfed.project.StudyFile;
import org.medfed.study.StudyResult;

/** A personalising run on the Results screen: each hospital's own model in its own row, with intervals. */
class PersonalisedResultsViewModelTest {

    @TempDir
    Path dir;

    @Test
    void eachHospitalsOwnModelHasItsRowBesideTheSharedOneAndEachAlone() {
        Path study = Samples.copy(dir, 3);
        StudyDocument doc = new StudyDocument();
        doc.replace(StudyFile.load(study).withStrategy(new StrategySection("ditto", Map.of("lambda", 0.5))), study);
        QueuedUi ui = QueuedUi.sameThread();
        RunViewModel run = new RunViewModel(doc, ui, new StudyReadiness(doc));
        ResultsViewModel vm = new ResultsViewModel(doc, ui, new StubDialogs(),
                new RunHistoryStore(() -> LocalDateTime.of(2026, 12, 5, 14, 0, 0)));
        run.start();
        ui.drain();
        StudyResult result = run.resultProperty().get();
        vm.show(result);
        ui.drain();

        assertThat(vm.rows()).extracting(ResultsViewModel.Row::model).startsWith(
                "Federated (all hospitals, data stay home)", "Personalised (each hospital's own model, kept there)");
        ResultsViewModel.Row personalised = vm.rows().get(1);
        int n = result.prepared().data().counts().get(0).testSize();
        double acc = result.personal().test().get("city-general").metric("accuracy");
        var wilson = new Proportion((int) Math.round(acc * n), n).wilson();
        assertThat(personalised.cells().get(0)).isEqualTo(String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", acc,
                wilson.low(), wilson.high()));
    }
}
