package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.project.DataSection;
import org.medfed.project.ModelCard;
import org.medfed.project.ModelCardFile;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.TestWorkers;

/** The model card says what each output of the model is: the class as the data code it, and its display name. */
class OutcomeNamesInModelCardTest {

    private static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals/study.json");

    @TempDir
    Path tmp;

    @Test
    void theCardNamesEachOutputWithTheStudysDisplayNames() {
        Study sample = StudyFile.load(SAMPLE);
        DataSection d = sample.data();
        // only class 1 is named: class 0 keeps its code alone, and the card says no more than the study does
        DataSection named = new DataSection(d.separator(), d.header(), d.missingValues(), d.columnNames(), d.label(),
                d.features(), d.drop(), d.types(), d.missing(), d.dropFirstLevel(), d.normalization(), d.labelRule(),
                d.trainFraction(), d.splitSeed(), d.stratify(), d.keep(), Map.of("1", "heart disease"));
        Study study = sample.withData(named).withTraining(sample.training().withRounds(1));

        ModelCard card = exported(study);

        assertThat(card.model().outcome()).containsExactly(
                new ModelCard.OutcomeClass(0, "0", null),
                new ModelCard.OutcomeClass(1, "1", "heart disease"));
    }

    @Test
    void aStudyWithoutDisplayNamesStillListsItsOutputs() throws Exception {
        Study sample = StudyFile.load(SAMPLE);
        ModelCard card = exported(sample.withTraining(sample.training().withRounds(1)));

        assertThat(card.model().outcome()).extracting(ModelCard.OutcomeClass::code).containsExactly("0", "1");
        assertThat(Files.readString(tmp.resolve("model").resolve(ModelCardFile.NAME)))
                .contains("\"outcome\"").doesNotContain("\"name\" : null");
    }

    private ModelCard exported(Study study) {
        StudyResult result = StudyRunner.run(TestWorkers.shared(), PreparedStudy.prepare(study, SAMPLE),
                RunOptions.defaults(), RunListener.NONE, RunControl.free(), m -> { });
        RunOutputs.exportModel(result, ResultStatistics.of(result), tmp.resolve("model"));
        return ModelCardFile.load(tmp.resolve("model"));
    }
}
