package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict --participant NAME} reads a new file from that hospital as the study read its files: with its
 * import options and mapping from the model card. Its European export then predicts exactly as the original file.
 */
class PredictForAHospitalTest {

    private static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void aHospitalsOwnExportIsReadWithItsImportOptionsAndMapping() throws Exception {
        // rural-clinic exports without a header, with ';' and decimal commas, and calls cholesterol chol_mmol
        List<String> original = Files.readAllLines(SAMPLE.resolve("data/rural-clinic.csv"));
        List<String> names = new ArrayList<>(List.of(original.get(0).split(",")));
        names.set(names.indexOf("cholesterol"), "chol_mmol");
        List<String> european = new ArrayList<>();
        for (String line : original.subList(1, original.size())) {
            european.add(line.replace(',', ';').replace('.', ','));
        }
        Path export = Files.write(tmp.resolve("rural-export.csv"), european, StandardCharsets.UTF_8);

        ObjectMapper json = new ObjectMapper();
        ObjectNode study = (ObjectNode) json.readTree(SAMPLE.resolve("study.json").toFile());
        for (var p : study.withArray("participants")) {
            ObjectNode hospital = (ObjectNode) p;
            ArrayNode data = json.createArrayNode();
            data.add(SAMPLE.resolve(hospital.get("data").get(0).asText()).toString());
            hospital.set("data", data);
            if (hospital.get("name").asText().equals("rural-clinic")) {
                data.set(0, json.getNodeFactory().textNode(export.toString()));
                ObjectNode csv = hospital.putObject("csv");
                csv.put("separator", ";").put("header", "no").put("decimalComma", true);
                ArrayNode columns = csv.putArray("columnNames");
                names.forEach(columns::add);
                hospital.putObject("mapping").putObject("rename").put("chol_mmol", "cholesterol");
            }
        }
        Path studyFile = tmp.resolve("study.json");
        json.writeValue(studyFile.toFile(), study);
        Path run = tmp.resolve("run");
        CliRunner r = CliRunner.run("run", studyFile.toString(), "--rounds", "2", "--out", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();

        Path asExported = tmp.resolve("export.predictions.csv");
        CliRunner p = CliRunner.run("predict", "--model", run.resolve("model").toString(), "--input", export.toString(),
                "--participant", "rural-clinic", "--out", asExported.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.err()).contains("150 of 150 rows predicted")
                .contains("note: This is rural-clinic's own data, on most of which the model trained");
        Path asOriginal = tmp.resolve("original.predictions.csv");
        CliRunner q = CliRunner.run("predict", "--model", run.resolve("model").toString(), "--input",
                SAMPLE.resolve("data/rural-clinic.csv").toString(), "--out", asOriginal.toString());
        assertThat(q.exitCode()).as(q.err()).isZero();
        assertThat(q.err()).as("the sample's file is not this study's").doesNotContain("own data");
        assertThat(lastColumns(asExported)).isEqualTo(lastColumns(asOriginal));

        // the hospital's own file without --participant is read as that hospital's, and the terminal says so
        Path plainOut = tmp.resolve("plain.csv");
        CliRunner plain = CliRunner.run("predict", "--model", run.resolve("model").toString(), "--input",
                export.toString(), "--out", plainOut.toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.err()).contains("read as rural-clinic's file, with that hospital's import options")
                .contains("150 of 150 rows predicted").contains("note: This is rural-clinic's own data");
        assertThat(lastColumns(plainOut)).isEqualTo(lastColumns(asExported));
        // an ONNX file reads only the common format: the message points to the model folder, which reads it
        CliRunner onnx = CliRunner.run("predict", "--model", run.resolve("model/model.onnx").toString(), "--input",
                export.toString(), "--out", tmp.resolve("onnx.csv").toString());
        assertThat(onnx.exitCode()).isEqualTo(MedFedCommand.BAD_INPUT);
        assertThat(onnx.err()).contains("rural-export.csv line 1").contains("It is rural-clinic's own file, which an "
                + "ONNX file reads only in the study's common format: predict it with the model folder (--model "
                + run.resolve("model").toAbsolutePath());
        assertThat(q.err()).as("a file of no hospital of this study is read in the common format")
                .doesNotContain("read as");
        // heart-centre's file, which the study reads in the common format: nothing to say about its reading
        CliRunner common = CliRunner.run("predict", "--model", run.resolve("model").toString(), "--input",
                SAMPLE.resolve("data/heart-centre.csv").toString(), "--out", tmp.resolve("hc.csv").toString());
        assertThat(common.exitCode()).as(common.err()).isZero();
        assertThat(common.err()).contains("note: This is heart-centre's own data").doesNotContain("read as");

        CliRunner unknown = CliRunner.run("predict", "--model", run.resolve("model").toString(), "--input",
                export.toString(), "--participant", "rural", "--out", tmp.resolve("x.csv").toString());
        assertThat(unknown.exitCode()).isEqualTo(MedFedCommand.BAD_INPUT);
        assertThat(unknown.err()).contains("no hospital 'rural' trained this model; its hospitals are city-general, "
                + "rural-clinic, heart-centre, mountain-hospital");
    }

    /** Each row's prediction, probabilities and note. */
    private static List<String> lastColumns(Path predictions) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(predictions)) {
            String[] cells = line.split(",", -1);
            out.add(String.join(",", List.of(cells).subList(cells.length - 4, cells.length)));
        }
        return out;
    }
}
