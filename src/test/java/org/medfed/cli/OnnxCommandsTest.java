package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.ModelVector;
import org.medfed.model.Compaction;
import org.medfed.model.ModelSpec;
import org.medfed.model.onnx.OnnxExport;
import org.medfed.project.ModelCard;
import org.medfed.project.ModelCardFile;

/** {@code predict} on model.onnx, {@code compact}, and the bad inputs they refuse in words (exit 2). */
class OnnxCommandsTest {

    static final String STUDY = "sample-projects/heart-4-hospitals/study.json";
    static final String HEART_CENTRE = "sample-projects/heart-4-hospitals/data/heart-centre.csv";

    @TempDir
    Path tmp;

    @Test
    void predictOnModelOnnxAndCompactTheModel() throws Exception {
        Path run = tmp.resolve("run");
        CliRunner r = CliRunner.run("run", STUDY, "--rounds", "3", "--out", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path onnx = run.resolve("model/model.onnx");
        assertThat(onnx).isRegularFile();

        Path predictions = tmp.resolve("pred.csv");
        CliRunner p = CliRunner.run("predict", "--model", onnx.toString(), "--input", HEART_CENTRE, "--out",
                predictions.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.err()).contains("260 of 260 rows predicted", "accuracy against the file's label column");
        assertThat(Files.readAllLines(predictions).get(0)).endsWith(",predicted,probability_0,probability_1,note");

        Path compact = tmp.resolve("compact");
        CliRunner c = CliRunner.run("compact", "--model", run.resolve("model").toString(), "--study", STUDY,
                "--prune", "0.5", "--int8", "--out", compact.toString());
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.out()).contains("model.onnx:", "accuracy before", "city-general", "all");
        ModelCard card = ModelCardFile.load(compact);
        assertThat(card.compaction().int8()).isTrue();
        assertThat(card.compaction().prunedFraction()).isEqualTo(0.5);
        // a logistic regression of 14 weights: the int8 scales outweigh what they save, and the command says so
        assertThat(card.compaction().onnxBytesAfter()).isGreaterThan(card.compaction().onnxBytesBefore());
        assertThat(c.out()).contains("this model is so small");
        assertThat(card.compaction().before()).containsKeys("city-general", "rural-clinic", "heart-centre",
                "mountain-hospital", "all");
        assertThat(compact.resolve("model.onnx")).hasSize(card.compaction().onnxBytesAfter());
        CliRunner pc = CliRunner.run("predict", "--model", compact.resolve("model.onnx").toString(), "--input",
                HEART_CENTRE, "--out", tmp.resolve("pc.csv").toString());
        assertThat(pc.exitCode()).as(pc.err()).isZero();

        // the compact copy is a finished output folder: a second compact into it needs --force
        assertThat(compact.resolve("finished.properties")).exists();
        CliRunner again = CliRunner.run("compact", "--model", run.resolve("model").toString(), "--study", STUDY,
                "--int8", "--out", compact.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("--force");
        CliRunner forced = CliRunner.run("compact", "--model", run.resolve("model").toString(), "--study", STUDY,
                "--int8", "--out", compact.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(ModelCardFile.load(compact).compaction().prunedFraction()).isZero();

        // bad inputs, refused in words
        CliRunner nothing = CliRunner.run("compact", "--model", run.resolve("model").toString(), "--study", STUDY);
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("nothing to do");
        CliRunner participant = CliRunner.run("predict", "--model", onnx.toString(), "--input", HEART_CENTRE,
                "--participant", "heart-centre", "--out", tmp.resolve("x.csv").toString());
        assertThat(participant.exitCode()).isEqualTo(2);
        assertThat(participant.err()).contains("--participant does not apply");
        Path noAge = tmp.resolve("no-age.csv");
        Files.writeString(noAge, "sex,systolic_bp,cholesterol,bmi,smoker,diabetes,chest_pain\nM,120,5,25,no,0,typical\n");
        CliRunner missing = CliRunner.run("predict", "--model", onnx.toString(), "--input", noAge.toString(), "--out",
                tmp.resolve("y.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no-age.csv", "has no column 'age'");
        Path text = tmp.resolve("text-age.csv");
        Files.writeString(text, Files.readString(Path.of(HEART_CENTRE)).replaceFirst("\n66,", "\nold,"));
        CliRunner notNumber = CliRunner.run("predict", "--model", onnx.toString(), "--input", text.toString(), "--out",
                tmp.resolve("z.csv").toString());
        assertThat(notNumber.exitCode()).as(notNumber.err()).isZero();
        assertThat(notNumber.err()).contains("259 of 260 rows predicted", "column 'age' is 'old', expected a number");
    }

    @Test
    void predictRefusesFilesThatAreNotOnnxOrNotTableModels() throws Exception {
        Path garbage = tmp.resolve("model.onnx");
        Files.writeString(garbage, "this is not a model");
        CliRunner g = CliRunner.run("predict", "--model", garbage.toString(), "--input", HEART_CENTRE, "--out",
                tmp.resolve("a.csv").toString());
        assertThat(g.exitCode()).isEqualTo(2);
        assertThat(g.err()).contains("model.onnx: is not an ONNX model: its contents cannot be read as one (a file of "
                + "another kind, or damaged); export the model again (model.onnx)").doesNotContain("ORT_");

        ModelSpec cnn = ModelSpec.cnn(new int[] {1, 4, 4}, 2, new int[] {2}, 3);
        Path image = tmp.resolve("cnn.onnx");
        OnnxExport.write(image, OnnxExport.images(cnn, ModelVector.zeros(cnn.parameterCount()), Compaction.NONE,
                List.of("a", "b"), "test"));
        CliRunner i = CliRunner.run("predict", "--model", image.toString(), "--input", HEART_CENTRE, "--out",
                tmp.resolve("b.csv").toString());
        assertThat(i.exitCode()).isEqualTo(2);
        assertThat(i.err()).contains("is not a table model", "[image]");

        CliRunner absent = CliRunner.run("predict", "--model", tmp.resolve("nowhere.onnx").toString(), "--input",
                HEART_CENTRE);
        assertThat(absent.exitCode()).isEqualTo(2);
        assertThat(absent.err()).contains("nowhere.onnx", "does not exist");
    }
}
