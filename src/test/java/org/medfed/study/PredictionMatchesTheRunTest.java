package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.tabular.TabularFederation;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.TestWorkers;

/** An exported model applied to a hospital's raw file predicts its test rows exactly as the run evaluated them. */
class PredictionMatchesTheRunTest {

    @TempDir
    Path tmp;

    @Test
    void predictionsOnTheRawFileGiveTheRunsTestAccuracy() throws Exception {
        Path file = Path.of("sample-projects/heart-4-hospitals/study.json");
        Study study = StudyFile.load(file);
        study = study.withTraining(study.training().withRounds(6));
        PreparedStudy prepared = PreparedStudy.prepare(study, file);
        StudyResult result = StudyRunner.run(TestWorkers.shared(), prepared, RunOptions.defaults(), RunListener.NONE, RunControl.free(), m -> { });
        RunOutputs.exportModel(result, ResultStatistics.of(result), tmp.resolve("model"));

        for (String hospital : List.of("mountain-hospital", "heart-centre")) {
            Path predictions = tmp.resolve(hospital + ".csv");
            Prediction.predictFile(tmp.resolve("model"), Path.of("sample-projects/heart-4-hospitals/data/" + hospital + ".csv"),
                    null, predictions);
            List<String> lines = Files.readAllLines(predictions);
            TabularFederation.PreparedSite site = ((TabularStudyData) prepared.data()).federation().sites().stream()
                    .filter(s -> s.name().equals(hospital)).findFirst().orElseThrow();
            int[] testRows = site.table().testRowIndices();
            int correct = 0;
            for (int r : testRows) {
                String[] cells = lines.get(r + 1).split(",", -1);
                String label = cells[8];
                String predicted = cells[9];
                correct += label.equals(predicted) ? 1 : 0;
            }
            double runAccuracy = result.history().lastRound().orElseThrow().test().get(hospital).metric("accuracy");
            assertThat((double) correct / testRows.length).as(hospital).isEqualTo(runAccuracy);
        }
    }
}
