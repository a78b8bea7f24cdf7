package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.io.OutputFolder;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.study.RunFolder;

/**
 * A reader never takes a partial or mixed folder for a finished one, and a finished one is not overwritten
 * unless asked, in every command that writes a folder.
 */
class OutputFoldersTest {

    private static final String STUDY = SampleStudyEndToEndTest.STUDY;
    private static final String HEART = "sample-projects/heart-4-hospitals/data/heart-centre.csv";

    @TempDir
    Path tmp;

    @Test
    void aFinishedRunIsReplacedOnlyWithForceAndAReplacementKilledHalfWayIsNeverReadAsFinished() throws Exception {
        Path dir = tmp.resolve("run");
        assertThat(CliRunner.run("run", STUDY, "--rounds", "1", "--out", dir.toString()).exitCode()).isZero();
        RunFolder.requireFinished(dir);
        assertThat(Files.readString(dir.resolve(OutputFolder.MARKER))).contains("command=run")
                .contains("file.metrics.csv=").contains("file.model/model.zip=");

        CliRunner again = CliRunner.run("run", STUDY, "--rounds", "1", "--out", dir.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("run: already holds a finished run (finished ")
                .contains("choose another output folder, or add --force to replace it");

        // a second run replacing the first is killed right after it started: the older outputs are gone, and
        // what is left reads as unfinished to every reader
        Study study = StudyFile.load(Path.of(STUDY));
        try (RunFolder replacing = RunFolder.create(dir, true)) {
            replacing.begin(study, Path.of(STUDY), study.seed(), false);
        }
        assertThat(dir.resolve("summary.json")).doesNotExist();
        assertThat(dir.resolve("model")).doesNotExist();
        assertThat(RunFolder.isFinished(dir)).isFalse();
        CliRunner predict = CliRunner.run("predict", "--model", dir.resolve("model").toString(), "--input", HEART,
                "--out", tmp.resolve("p.csv").toString());
        assertThat(predict.exitCode()).isEqualTo(2);
        assertThat(predict.err()).contains("medfed: run: is not a finished output folder (no finished.properties)");

        CliRunner forced = CliRunner.run("run", STUDY, "--rounds", "1", "--out", dir.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        RunFolder.requireFinished(dir);
    }

    @Test
    void predictRefusesAModelWhoseFolderChangedAfterItFinished() throws Exception {
        Path dir = tmp.resolve("run");
        assertThat(CliRunner.run("run", STUDY, "--rounds", "1", "--out", dir.toString()).exitCode()).isZero();
        Files.writeString(dir.resolve("model/model-card.json"), "{}");
        CliRunner predict = CliRunner.run("predict", "--model", dir.resolve("model").toString(), "--input", HEART,
                "--out", tmp.resolve("p.csv").toString());
        assertThat(predict.exitCode()).isEqualTo(2);
        assertThat(predict.err()).contains("model-card.json: has changed since the command that wrote run finished");
    }

    @Test
    void aModelFolderCopiedOutOfItsRunIsToldWhatToCopyInstead() throws Exception {
        Path dir = tmp.resolve("run");
        assertThat(CliRunner.run("run", STUDY, "--rounds", "1", "--out", dir.toString()).exitCode()).isZero();
        Path copy = Files.createDirectories(tmp.resolve("shared/model"));
        try (var files = Files.list(dir.resolve("model"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        CliRunner predict = CliRunner.run("predict", "--model", copy.toString(), "--input", HEART,
                "--out", tmp.resolve("p.csv").toString());
        assertThat(predict.exitCode()).isEqualTo(2);
        assertThat(predict.err()).contains("a model folder copied out of its run folder, or exported by an earlier "
                + "MedFed build, has none either: use the model inside its run folder (copy the whole run folder), or "
                + "export it from its run (Results, Export model)");
    }

    @Test
    void splitIsMarkedFinishedAndRefusesToOverwriteWithoutForce() {
        Path out = tmp.resolve("split");
        CliRunner first = CliRunner.run("split", HEART, "--into", "2", "--label", "disease", "--out", out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        OutputFolder.requireFinished(out);
        CliRunner second = CliRunner.run("split", HEART, "--into", "2", "--label", "disease", "--out", out.toString());
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).contains("split: already holds a finished split");
        assertThat(CliRunner.run("split", HEART, "--into", "3", "--out", out.toString(), "--force").exitCode()).isZero();
        assertThat(out.resolve("study.json")).doesNotExist();
    }

    @Test
    void anOutputFolderThatIsAFileAndADataPathThatIsAFolderOrDeviceAreNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        CliRunner r = CliRunner.run("run", STUDY, "--rounds", "1", "--out", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("taken: is a file, not a folder");

        CliRunner device = CliRunner.run("run", "--participant", "a=/dev/zero", "--participant", "b=" + HEART,
                "--label", "disease", "--out", tmp.resolve("d").toString());
        assertThat(device.exitCode()).isEqualTo(2);
        assertThat(device.err()).contains("zero: is a device or pipe, not a file");

        CliRunner dir = CliRunner.run("run", "--participant", "a=" + tmp, "--participant", "b=" + HEART,
                "--label", "disease", "--out", tmp.resolve("e").toString());
        assertThat(dir.exitCode()).isEqualTo(2);
        assertThat(dir.err()).contains("is a folder, not a file");
    }

    @Test
    void aNulInADataPathOfTheStudyFileIsRefusedInWords() throws Exception {
        CliRunner r = runStudy("[ { \"name\": \"a\", \"data\": [\"a\\u0000.csv\"] }, "
                + "{ \"name\": \"b\", \"data\": [\"b.csv\"] } ]", "\"y\"");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("is not a possible path").doesNotContain("internal error");
    }

    @Test
    void aNumericLabelInTheStudyFileIsRefusedNamingTheField() throws Exception {
        CliRunner r = runStudy("[ { \"name\": \"a\", \"data\": [\"a.csv\"] } ]", "5");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("study.json line 1: field 'data.label' is 5, expected text");
    }

    /** Runs a study file of these participants (JSON) and label (JSON value). */
    private CliRunner runStudy(String participants, String label) throws Exception {
        Path study = tmp.resolve("study.json");
        Files.writeString(study, "{ \"schemaVersion\": 1, \"participants\": " + participants
                + ", \"data\": { \"label\": " + label + " } }");
        return CliRunner.run("run", study.toString(), "--out", tmp.resolve("out").toString());
    }
}
