package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers a hostile or unlucky user can write, in data files and settings: each refused in words naming the file,
 * line, column or setting and the allowed range, with exit code 2 and no stack trace, before anything runs.
 */
class NumbersAndSettingsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"Infinity", "-Infinity", "1e309", "-1e400", "1e16"})
    void aNumberThatIsNotFiniteOrOutOfRangeIsRefusedWithFileLineAndColumn(String value) throws Exception {
        Path bad = csvWith(value);
        CliRunner r = CliRunner.run("run", "--participant", "a=" + BadInputTest.DIR.resolve("good.csv"),
                "--participant", "b=" + bad, "--label", "outcome", "--rounds", "1", "--out", tmp.resolve("out").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("medfed: b.csv line 4: column 'bp' is '" + value + "', which is ")
                .contains("expected a finite number from -1e15 to 1e15").doesNotContain("Exception");
    }

    @Test
    void aNumberOf400DigitsIsRefusedAndShortenedInTheMessage() throws Exception {
        String digits = "9".repeat(400);
        Path bad = csvWith(digits);
        CliRunner r = CliRunner.run("run", "--participant", "a=" + BadInputTest.DIR.resolve("good.csv"),
                "--participant", "b=" + bad, "--label", "outcome", "--rounds", "1", "--out", tmp.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("b.csv line 4: column 'bp' is '99999999999999999999...9999999999 (400 characters)', "
                + "which is 400 characters long; a number may have at most 40");
    }

    @Test
    void aTrainingShareOutsideZeroToOneNamesItsField() throws Exception {
        Path study = tmp.resolve("study.json");
        Files.writeString(study, Files.readString(Path.of("sample-projects/heart-4-hospitals/study.json"))
                .replaceFirst("\"trainFraction\" *: *[0-9.]+", "\"trainFraction\": 1.5"));
        CliRunner r = CliRunner.run("run", study.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("study.json: data.trainFraction (the share of each hospital's rows used for "
                + "training) is 1.5; it must be between 0 and 1, both excluded");
    }

    @Test
    void roundsOfOneBillionAreRefusedBeforeAnythingRuns() {
        CliRunner r = CliRunner.run("run", "--participant", "a=" + BadInputTest.DIR.resolve("good.csv"),
                "--participant", "b=" + BadInputTest.DIR.resolve("good.csv"), "--label", "outcome",
                "--rounds", "1000000000", "--out", tmp.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--rounds is 1,000,000,000; it must be a whole number from 1 to 10,000")
                .doesNotContain("for training");
    }

    @Test
    void fractionalRoundsInTheStudyFileAreRefusedNotTruncated() throws Exception {
        Path study = study("\"training\": { \"rounds\": 2.5 }");
        CliRunner r = CliRunner.run("run", study.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("medfed: study.json line 5: field 'training.rounds' is 2.5, expected a whole number");
    }

    @Test
    void hugeLayersAndEpochsInTheStudyFileAreRefusedNamingTheField() throws Exception {
        CliRunner layers = CliRunner.run("run", study("\"model\": { \"type\": \"mlp\", \"hidden\": [100000] }")
                .toString(), "--out", tmp.resolve("a").toString());
        assertThat(layers.exitCode()).isEqualTo(2);
        assertThat(layers.err()).contains("study.json: model.hidden is 100,000; it must be a whole number from 1 to 4,096");
        CliRunner epochs = CliRunner.run("run", study("\"training\": { \"localEpochs\": 100000000 }").toString(),
                "--out", tmp.resolve("b").toString());
        assertThat(epochs.exitCode()).isEqualTo(2);
        assertThat(epochs.err()).contains("training.localEpochs is 100,000,000; it must be a whole number from 0 to 1,000");
    }

    private Path csvWith(String bp) throws Exception {
        Path bad = tmp.resolve("b.csv");
        Files.write(bad, List.of("age,sex,bp,outcome", "63,M,145,1", "51,F,130,0", "48,F," + bp + ",0",
                "55,M,130,1"));
        return bad;
    }

    private Path study(String section) throws Exception {
        Files.copy(BadInputTest.DIR.resolve("good.csv"), tmp.resolve("good.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path study = tmp.resolve("study.json");
        Files.writeString(study, "{\n  \"schemaVersion\": 1,\n  \"participants\": [ { \"name\": \"a\", \"data\": "
                + "[\"good.csv\"] }, { \"name\": \"b\", \"data\": [\"good.csv\"] } ],\n  \"data\": { \"label\": "
                + "\"outcome\" },\n  " + section + "\n}\n");
        return study;
    }
}
