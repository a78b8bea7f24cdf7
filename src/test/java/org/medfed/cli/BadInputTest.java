package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The malformed files under src/test/resources/bad-input: each gets exit code 2 and a message naming the file,
 * the line or field, and what was expected.
 */
class BadInputTest {

    static final Path DIR = Path.of("src/test/resources/bad-input");

    @TempDir
    Path out;

    private CliRunner runCsv(String file) {
        return CliRunner.run("run", "--participant", "a=" + DIR.resolve("good.csv"), "--participant",
                "b=" + DIR.resolve(file), "--label", "outcome", "--rounds", "1", "--out", out.toString());
    }

    private CliRunner runStudy(String file) {
        return CliRunner.run("run", DIR.resolve(file).toString(), "--out", out.toString());
    }

    /**
     * A measurement chosen as the label, or a column of categories with a value per few rows: every value would be
     * a class or an input, and its name would leave the hospital. The hospital refuses to send them.
     */
    @Test
    void aLabelOrCategoriesOfTooManyValuesAreRefused(@TempDir Path files) throws java.io.IOException {
        StringBuilder b = new StringBuilder("town,age,outcome,level\n");
        for (int i = 0; i < 120; i++) {
            b.append("town").append(i % 60).append(',').append(30 + i % 40).append(',').append(i % 3 == 0 ? "yes" : "no")
                    .append(',').append(1.25 + i * 0.5).append('\n');
        }
        Path a = java.nio.file.Files.writeString(files.resolve("a.csv"), b);
        Path c = java.nio.file.Files.writeString(files.resolve("c.csv"), b);
        CliRunner towns = CliRunner.run("run", "--participant", "a=" + a, "--participant", "c=" + c, "--label", "outcome",
                "--rounds", "1", "--out", out.resolve("towns").toString());
        assertThat(towns.exitCode()).isEqualTo(2);
        assertThat(towns.err()).contains("a.csv: column 'town' has 60 different values: more than the 50 a column of "
                + "categories may have");
        assertThat(CliRunner.run("run", "--participant", "a=" + a, "--participant", "c=" + c, "--label", "outcome",
                "--drop", "town", "--rounds", "1", "--out", out.resolve("kept").toString()).exitCode()).isZero();

        // dates of admission: no feature as they are, and the message says so rather than suggest a type
        StringBuilder dated = new StringBuilder("admitted,age,outcome\n");
        for (int i = 0; i < 120; i++) {
            dated.append(String.format(java.util.Locale.ROOT, "2019-%02d-%02d,%d,%s%n", 1 + i % 12, 1 + i % 28, 30 + i % 40,
                    i % 3 == 0 ? "yes" : "no"));
        }
        Path d = java.nio.file.Files.writeString(files.resolve("d.csv"), dated);
        CliRunner dates = CliRunner.run("run", "--participant", "d=" + d, "--label", "outcome", "--rounds", "1", "--out",
                out.resolve("dates").toString());
        assertThat(dates.exitCode()).isEqualTo(2);
        assertThat(dates.err()).contains("d.csv: column 'admitted' has 84 different values", "it holds dates (such as "
                + "'2019-01-01'), which are no feature as they are: leave it out, or add to the file a number made from it");

        CliRunner level = CliRunner.run("run", "--participant", "a=" + a, "--participant", "c=" + c, "--label", "level",
                "--drop", "town", "--rounds", "1", "--out", out.resolve("level").toString());
        assertThat(level.exitCode()).isEqualTo(2);
        assertThat(level.err()).contains("a.csv: label column 'level' has 120 different values: a classification "
                + "predicts one of a few classes (at most 50)");
    }

    @Test
    void aRunWithoutItsLabelSaysWhereToFindOne() {
        CliRunner r = CliRunner.run("run", "--participant", "a=" + DIR.resolve("good.csv"), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--label COLUMN is needed: the column the model should predict ('medfed inspect "
                + "FILE' names the columns that could be it)");
    }

    @Test
    void raggedRow() {
        CliRunner r = runCsv("ragged.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("medfed: ragged.csv line 4: 3 fields where 4 were expected (from the header)");
    }

    @Test
    void textInANumericColumn() {
        CliRunner r = runCsv("text-in-numeric.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("text-in-numeric.csv line 6: column 'bp' is 'abc', expected a number");
    }

    @Test
    void aRunThatFailsBeforeWritingLeavesNoFolderItMade() {
        Path folder = out.resolve("runs/first");
        CliRunner r = CliRunner.run("run", "--participant", "a=" + DIR.resolve("good.csv"), "--participant",
                "b=" + DIR.resolve("missing-label.csv"), "--label", "outcome", "--rounds", "1", "--out", folder.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(out.resolve("runs")).doesNotExist();
    }

    @Test
    void missingLabelColumn() {
        CliRunner r = runCsv("missing-label.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("b, column 'outcome': the label column 'outcome' is missing from missing-label.csv; "
                + "its columns are age, sex, bp, result");
    }

    @Test
    void emptyFile() {
        CliRunner r = runCsv("empty.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("medfed: empty.csv: the file is empty");
    }

    @Test
    void wrongSeparator() {
        CliRunner r = runCsv("wrong-separator.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("wrong-separator.csv line 1: only one column found with separator ','"
                + ", but the line contains ';'; set the separator to ';'");
    }

    @Test
    void unclosedQuote() {
        CliRunner r = runCsv("unclosed-quote.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unclosed-quote.csv line 3: a quoted field is not closed properly");
    }

    @Test
    void unknownStrategyId() {
        CliRunner r = runStudy("unknown-strategy.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown-strategy.json: strategy \"fedmagic\" is unknown; known strategies: fedavg,");
    }

    @Test
    void missingDataFile() {
        CliRunner r = runStudy("missing-data-file.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-hospital.csv: file not found (looked for ")
                .contains("bad-input/no-such-hospital.csv");
    }

    @Test
    void malformedJson() {
        CliRunner r = runStudy("malformed.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("malformed.json line 5: is not valid JSON");
    }

    @Test
    void studyFromANewerVersion() {
        CliRunner r = runStudy("newer-version.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("newer-version.json: was written by a newer MedFed (study schema 7); "
                + "this version reads schemas up to 3");
    }

    @Test
    void notAStudy() {
        CliRunner r = runStudy("no-version.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no-version.json: is not a MedFed study file: it has no \"schemaVersion\"");
    }

    @Test
    void wrongValueType() {
        CliRunner r = runStudy("wrong-type.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("wrong-type.json line 5: field 'training.rounds' is \"ten\", expected a whole number");
    }

    @Test
    void unknownField() {
        CliRunner r = runStudy("unknown-field.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown-field.json line 5: unknown field 'round' in 'training'; known fields here:")
                .contains("rounds");
    }

    @Test
    void badOptionValue() {
        CliRunner r = CliRunner.run("run", "--participant", "a=" + DIR.resolve("good.csv"), "--label", "outcome",
                "--strategy", "fedprox", "--param", "mu=-1", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("strategy 'fedprox': Mu must be >= 0, was -1");
    }

    @Test
    void unknownOption() {
        CliRunner r = CliRunner.run("run", "--rouns", "3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--rouns'").contains("Try 'medfed run --help' for the options.");
    }
}
