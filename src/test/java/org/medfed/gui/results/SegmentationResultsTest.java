package org.medfed.gui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunStatus;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.StudyFile;
import org.medfed.study.PreparedStudy;
import org.medfed.study.StudyResult;
import org.medfed.study.StudyRunner;

/** A segmentation run on the Results screen: measured by Dice and IoU, with no confusion matrix or ROC curve. */
class SegmentationResultsTest {

    @Test
    void offersSegmentationMetricsAndNoClassPlots() {
        Path file = Path.of("sample-projects/phantom-4-hospitals/study-segmentation.json").toAbsolutePath();
        PreparedStudy p = PreparedStudy.prepare(StudyFile.load(file), file);
        RoundRecord round = new RoundRecord(1, p.participantNames(), Map.of(), Map.of(), Map.of(), List.of(),
                Duration.ZERO, 0, Map.of());
        StudyResult r = new StudyResult(p, 42, new RunHistory("fedavg", p.participantNames(), List.of(round),
                StudyRunner.initialModel(p.spec(), 42), RunStatus.FINISHED, "", Duration.ZERO), List.of(), Map.of(),
                Instant.now(), Instant.now());
        QueuedUi ui = QueuedUi.sameThread();
        ResultsViewModel vm = new ResultsViewModel(new StudyDocument(), ui, new StubDialogs(),
                new RunHistoryStore(() -> LocalDateTime.of(2026, 11, 25, 5, 0, 0)));
        vm.show(r);
        ui.drain();
        assertThat(vm.metricChoices()).containsExactlyElementsOf(ResultsViewModel.SEGMENTATION_METRICS);
        assertThat(vm.metricProperty().get()).isEqualTo("dice");
        assertThat(vm.classificationProperty().get()).isFalse();
        assertThat(vm.predictionsProperty().get()).isNull();
        assertThat(vm.rows()).isNotEmpty();
    }
}
