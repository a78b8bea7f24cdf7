package org.medfed.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.HeaderMode;
import org.medfed.data.harmonise.SiteMapping;
import org.medfed.engine.BadInputException;

/** A hospital's import options and mapping in the study file (schema 2); a schema 1 study still opens. */
class HospitalMappingFileTest {

    @TempDir
    Path dir;

    @Test
    void aVersionOneStudyOpensAndIsWrittenBackAsTheCurrentVersion() throws Exception {
        Path file = dir.resolve("old.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "name": "old", "participants": [{"name": "a", "data": ["a.csv"]}],
                 "data": {"label": "y", "separator": ";"}}
                """);
        Study s = StudyFile.load(file);
        assertThat(s.schemaVersion()).isEqualTo(3);
        assertThat(s.participants().get(0).csv()).isNull();
        assertThat(s.participants().get(0).siteMapping()).isEqualTo(SiteMapping.NONE);
        assertThat(s.participants().get(0).csvFormat(s.data().csvFormat()).separator()).isEqualTo(';');
        StudyFile.save(s, file);
        assertThat(Files.readString(file)).contains("\"schemaVersion\" : 3").doesNotContain("mapping", "\"csv\"");
    }

    @Test
    void importOptionsAndMappingRoundTripAndOverTheStudysFormat() throws Exception {
        SiteMapping mapping = new SiteMapping(Map.of("age_years", "age"),
                Map.of("class", Map.of("benign", "2", "malignant", "4")), Map.of("glucose", 18.0),
                Map.of("glucose", List.of("0", "-1")));
        ParticipantEntry rural = new ParticipantEntry("rural", "rural.csv")
                .withCsv(new CsvOptions(";", "no", true, "windows-1252", "none", List.of("-"), List.of("age_years", "class")))
                .withMapping(mapping);
        Study study = Study.empty().withParticipants(List.of(new ParticipantEntry("a", "a.csv"), rural))
                .withData(DataSection.forLabel("class").withClassNames(Map.of("2", "benign", "4", "malignant"))
                        .withKeep(List.of("code")));
        Path file = dir.resolve("s.json");
        StudyFile.save(study, file);
        String json = Files.readString(file);
        assertThat(json).contains("\"recode\"", "\"benign\" : \"2\"", "\"decimalComma\" : true", "\"classNames\"",
                "\"missing\" : {\n        \"glucose\" : [ \"0\", \"-1\" ]");
        Study back = StudyFile.load(file);
        assertThat(back).isEqualTo(study);
        assertThat(back.participants().get(0).csv()).isNull();
        assertThat(back.participants().get(1).siteMapping()).isEqualTo(mapping);
        CsvFormat f = back.participants().get(1).csvFormat(back.data().csvFormat());
        assertThat(f.separator()).isEqualTo(';');
        assertThat(f.header()).isEqualTo(HeaderMode.NO);
        assertThat(f.decimalComma()).isTrue();
        assertThat(f.encoding().name()).isEqualTo("windows-1252");
        assertThat(f.quote()).isNull();
        assertThat(f.missingTokens()).containsExactly("-");
        assertThat(f.columnNames()).containsExactly("age_years", "class");
        assertThat(back.data().className("4")).isEqualTo("malignant");
        assertThat(back.data().className("9")).isEqualTo("9");
        assertThat(back.data().tabularSettings().keep()).containsExactly("code");
    }

    @Test
    void aBadOptionOrFactorIsNamedWithItsHospital() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"schemaVersion": 2, "participants": [{"name": "rural", "data": ["r.csv"],
                  "mapping": {"scale": {"glucose": 0}}}], "data": {"label": "y"}}
                """);
        assertThatThrownBy(() -> StudyFile.load(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("participant 'rural': the unit factor of column 'glucose' is 0.0");
        Files.writeString(file, """
                {"schemaVersion": 2, "participants": [{"name": "rural", "data": ["r.csv"],
                  "csv": {"encoding": "klingon"}}], "data": {"label": "y"}}
                """);
        assertThatThrownBy(() -> StudyFile.load(file)).hasMessageContaining("participant 'rural': the encoding \"klingon\"");
    }
}
