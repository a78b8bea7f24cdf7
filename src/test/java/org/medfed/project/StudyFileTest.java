package org.medfed.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyFileTest {

    @TempDir
    Path dir;

    @Test
    void aSavedStudyLoadsBackEqualAndNoTemporaryFileIsLeft() throws Exception {
        Study study = Study.empty().withName("t").withParticipants(List.of(new ParticipantEntry("a", "data/a.csv")))
                .withData(DataSection.forLabel("y")).withStrategy(new StrategySection("fedprox", Map.of("mu", 0.1)))
                .withSeed(7);
        Path file = dir.resolve("study.json");
        StudyFile.save(study, file);
        assertThat(StudyFile.load(file)).isEqualTo(study);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("study.json");
        }
        assertThat(Files.readString(file)).contains("\"schemaVersion\" : 3", "\"id\" : \"fedprox\"");
    }

    /** The workbench saves a study whose hospitals are read before its label is chosen: it must open again. */
    @Test
    void aDraftWithoutItsLabelYetOpensAgain() {
        Study draft = Study.empty().withName("draft").withParticipants(List.of(new ParticipantEntry("a", "a.csv")))
                .withData(DataSection.forLabel(null).withKeep(List.of("record")));
        Path file = dir.resolve("draft.json");
        StudyFile.save(draft, file);
        assertThat(StudyFile.load(file)).isEqualTo(draft);
    }

    @Test
    void savingOverAnExistingFileReplacesItWhole() throws Exception {
        Path file = dir.resolve("study.json");
        StudyFile.save(Study.empty().withName("first version with a long name ................"), file);
        StudyFile.save(Study.empty().withName("second"), file);
        assertThat(StudyFile.load(file).name()).isEqualTo("second");
    }

    @Test
    void dataPathsAreRelativeToTheStudyFile() {
        Path study = dir.resolve("studies/s.json");
        assertThat(StudyFile.resolve(study, "data/a.csv")).isEqualTo(dir.resolve("studies/data/a.csv"));
        assertThat(StudyFile.relativize(study, dir.resolve("studies/data/a.csv"))).isEqualTo("data/a.csv");
    }

    @Test
    void theSampleStudyLoads() {
        Study s = StudyFile.load(Path.of("sample-projects/heart-4-hospitals/study.json"));
        assertThat(s.participants()).hasSize(4);
        assertThat(s.data().label()).isEqualTo("disease");
        assertThat(s.training().rounds()).isEqualTo(30);
    }
}
