package org.medfed.gui.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.gui.common.StudyEdits;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.Samples;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

class CrossHospitalCheckTest {

    @TempDir
    Path dir;

    private final QueuedUi ui = QueuedUi.sameThread();
    private final List<String> verdicts = new ArrayList<>();
    private final List<List<SchemaProblem>> problems = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final Map<String, DataFileSummary> summaries = new HashMap<>();
    private CrossHospitalCheck check;
    private Path studyFile;
    private Study study;

    @BeforeEach
    void readTheSample() {
        studyFile = Samples.copy(dir, 3);
        study = StudyFile.load(studyFile);
        for (ParticipantEntry p : study.participants()) {
            summaries.put(p.name(), HospitalFiles.read(StudyFile.resolve(studyFile, p.data().get(0)),
                    study.data().csvFormat()));
        }
        check = new CrossHospitalCheck(ui, (found, status) -> {
            problems.add(found);
            verdicts.add(status);
        }, progress::add);
    }

    private Study withMissing(String policy) {
        return study.withData(StudyEdits.withPreprocessing(study.data(), policy, study.data().normalization(),
                study.data().labelRule()));
    }

    private DataFileSummary summaryOf(ParticipantEntry p) {
        return summaries.get(p.name());
    }

    @Test
    void matchingTablesPassAndTheSameFilesAreNotCheckedTwice() {
        check.schedule(study, this::summaryOf);
        assertThat(progress).containsExactly("Checking that the hospitals' tables match…");
        assertThat(verdicts).isEmpty(); // the answer comes back on the UI thread
        ui.drain();
        assertThat(verdicts).containsExactly("✔ The hospitals' tables match: same columns, compatible types, and the same codes for the outcome "
                + "and the categories.");
        assertThat(problems.get(0)).isEmpty();

        check.schedule(study, this::summaryOf);
        ui.drain();
        assertThat(progress).hasSize(1);
        assertThat(verdicts).hasSize(1);
    }

    @Test
    void aHospitalLeftWithoutRowsByDroppingIncompleteOnesStopsTheRunBeforeItStarts() {
        Path incomplete = Samples.write(dir.resolve("incomplete.csv"),
                "age,sex,systolic_bp,cholesterol,bmi,smoker,diabetes,chest_pain,disease",
                "48,M,,4.7,27.7,no,0,non-anginal,1", "65,F,131,,25.1,no,0,atypical,0", "52,F,140,5.2,,yes,1,typical,1",
                "70,M,150,6.1,29.0,no,0,atypical,");
        summaries.put("rural-clinic", HospitalFiles.read(incomplete, study.data().csvFormat()));
        check.schedule(withMissing("drop-rows"), this::summaryOf);
        ui.drain();
        assertThat(verdicts.get(0)).startsWith("✖ 1 problem stops the run");
        assertThat(problems.get(0)).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(SchemaProblem.Severity.ERROR);
            assertThat(p.participant()).isEqualTo("rural-clinic");
            assertThat(p.message()).isEqualTo("no usable rows: 1 without a label, 3 with missing values (choose to "
                    + "impute missing values instead)");
        });

        // imputing keeps the three rows with a label: nothing to say
        check.schedule(withMissing("impute"), this::summaryOf);
        ui.drain();
        assertThat(problems.get(1)).isEmpty();
    }

    @Test
    void aHospitalThatLosesAFifthOfItsRowsToMissingValuesIsWarnedAbout() {
        Path someIncomplete = Samples.write(dir.resolve("some-incomplete.csv"),
                "age,sex,systolic_bp,cholesterol,bmi,smoker,diabetes,chest_pain,disease",
                "48,M,,4.7,27.7,no,0,non-anginal,1", "65,F,131,4.9,25.1,no,0,atypical,0",
                "52,F,140,5.2,26.3,yes,1,typical,1", "70,M,150,6.1,29.0,no,0,atypical,0",
                "61,M,128,5.5,24.2,no,0,typical,1");
        summaries.put("rural-clinic", HospitalFiles.read(someIncomplete, study.data().csvFormat()));
        check.schedule(withMissing("drop-rows"), this::summaryOf);
        ui.drain();
        assertThat(verdicts.get(0)).isEqualTo("✔ Nothing stops the run; 1 warning.");
        assertThat(problems.get(0)).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(SchemaProblem.Severity.WARNING);
            assertThat(p.participant()).isEqualTo("rural-clinic");
            assertThat(p.message()).isEqualTo("only 4 of 5 rows are used: 1 left out for a missing value "
                    + "(impute missing values to keep it)");
        });
    }

    @Test
    void aHospitalWithoutTheLabelColumnStopsTheRunAndIsNamed() {
        Path noLabel = Samples.write(dir.resolve("no-label.csv"), "age,sex,systolic_bp,cholesterol,bmi,smoker,diabetes,chest_pain",
                "48,M,123,4.7,27.7,no,0,non-anginal", "65,F,131,4.9,25.1,no,0,atypical");
        summaries.put("rural-clinic", HospitalFiles.read(noLabel, study.data().csvFormat()));
        check.schedule(study, this::summaryOf);
        ui.drain();
        assertThat(verdicts.get(0)).startsWith("✖ ").contains("the run");
        assertThat(problems.get(0)).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(SchemaProblem.Severity.ERROR);
            assertThat(p.participant()).isEqualTo("rural-clinic");
        });
    }

    @Test
    void aFileStillBeingReadPostponesTheCheck() {
        summaries.remove("heart-centre");
        check.schedule(study, this::summaryOf);
        ui.drain();
        assertThat(progress).isEmpty();
        assertThat(verdicts).containsExactly("The check across hospitals runs once every hospital's file can be read.");
    }

    @Test
    void anAnswerOvertakenByAResetIsIgnored() {
        check.schedule(study, this::summaryOf); // its answer waits in the UI queue
        check.reset();
        ui.drain();
        assertThat(verdicts).containsExactly("");
        assertThat(problems).containsExactly(List.of());

        // after a reset the same files are checked again
        check.schedule(study, this::summaryOf);
        ui.drain();
        assertThat(verdicts).last().asString().startsWith("✔ The hospitals' tables match");
    }
}
