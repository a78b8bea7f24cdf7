package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.project.JsonFiles;
import org.medfed.project.ModelSection;
import org.medfed.project.StrategySection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/** A personalising strategy chosen in the study file, run from the command line as a user runs it. */
class PersonalisationCliTest {

    private static final Path SAMPLE = Path.of(SampleStudyEndToEndTest.STUDY).toAbsolutePath();
    private static final List<String> HOSPITALS = List.of("city-general", "heart-centre", "mountain-hospital",
            "rural-clinic");

    @TempDir
    Path tmp;

    /** The sample study with {@code model} (an MLP has one hidden layer of 8) and {@code strategy}, in tmp. */
    private Path study(String strategy, Map<String, Double> parameters, String model) throws Exception {
        Study sample = StudyFile.load(SAMPLE);
        Study s = sample.withParticipants(sample.participants().stream()
                        .map(p -> p.withData(List.of(StudyFile.resolve(SAMPLE, p.data().get(0)).toString()))).toList())
                .withModel(new ModelSection(model, model.equals("mlp") ? List.of(8) : null, null))
                .withStrategy(new StrategySection(strategy, parameters));
        Path file = tmp.resolve(strategy + ".json");
        StudyFile.save(s, file);
        return file;
    }

    @Test
    void fedPerWritesEachHospitalsOwnModelAndCardAndAPersonalisedRow() throws Exception {
        Path studyFile = study("fedper", Map.of(), "mlp");
        Path out = tmp.resolve("run");
        CliRunner r = CliRunner.run("run", studyFile.toString(), "--baselines", "--rounds", "3", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("personalised", "federated", "local:rural-clinic");
        String results = Files.readString(out.resolve("results.csv"));
        // with its test n and 95% interval, as every other row
        assertThat(results).containsPattern("\npersonalised,heart-centre,accuracy,0\\.\\d+,65,0\\.\\d+,0\\.\\d+,");
        for (String h : HOSPITALS) {
            assertThat(results).contains("personalised," + h + ",accuracy,");
            Path own = out.resolve("personal").resolve(h);
            assertThat(own.resolve("model.zip")).isRegularFile();
            assertThat(own.resolve("model.onnx")).isRegularFile();
            @SuppressWarnings("unchecked")
            Map<String, Object> card = JsonFiles.read(own.resolve("model-card.json"), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> how = (Map<String, Object>) card.get("personalisation");
            assertThat(how).containsEntry("hospital", h).containsEntry("method", "head");
            assertThat(((Map<?, ?>) card.get("metrics")).keySet()).extracting(Object::toString).containsExactly(h);
            assertThat(card.get("confidence").toString()).contains("testSet=" + h, "metric=accuracy", "low=")
                    .doesNotContain("testSet=" + (h.equals("rural-clinic") ? "city-general" : "rural-clinic"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = JsonFiles.read(out.resolve("summary.json"), Map.class);
        assertThat(summary.get("personalisation").toString()).contains("method=head");

        // the hospital's own model predicts its own file
        Path predictions = tmp.resolve("pred.csv");
        CliRunner p = CliRunner.run("predict", "--model", out.resolve("personal/heart-centre").toString(), "--input",
                "sample-projects/heart-4-hospitals/data/heart-centre.csv", "--out", predictions.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.err()).contains("260 of 260 rows predicted");
    }

    @Test
    void dittoTwiceWithTheSameSeedGivesIdenticalResultsAndPersonalModels() throws Exception {
        Path studyFile = study("ditto", Map.of("lambda", 0.5), "logistic");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CliRunner ra = CliRunner.run("run", studyFile.toString(), "--rounds", "3", "--seed", "5", "--out", a.toString());
        CliRunner rb = CliRunner.run("run", studyFile.toString(), "--rounds", "3", "--seed", "5", "--out", b.toString());
        assertThat(ra.exitCode()).as(ra.err()).isZero();
        assertThat(rb.exitCode()).as(rb.err()).isZero();
        assertThat(Files.readString(a.resolve("results.csv"))).contains("personalised,")
                .isEqualTo(Files.readString(b.resolve("results.csv")));
        for (String h : HOSPITALS) {
            assertThat(Files.readAllBytes(a.resolve("personal").resolve(h).resolve("model.onnx")))
                    .isEqualTo(Files.readAllBytes(b.resolve("personal").resolve(h).resolve("model.onnx")));
        }
    }

    @Test
    void fedPerOnAModelWithoutAHiddenLayerIsRefusedInWords() throws Exception {
        Path studyFile = study("fedper", Map.of(), "logistic");
        CliRunner r = CliRunner.run("run", studyFile.toString(), "--rounds", "2", "--out", tmp.resolve("x").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("FedPer", "hidden layer");
        CliRunner bn = CliRunner.run("run", studyFile.toString(), "--strategy", "fedbn", "--rounds", "2", "--out",
                tmp.resolve("y").toString());
        assertThat(bn.exitCode()).isEqualTo(2);
        assertThat(bn.err()).contains("FedBN", "batch norm on");
    }

    @Test
    void theChoiceFromTheCommandLineIsTheSameTwiceAndKeepsEachHospitalsModelWithItsCard() throws Exception {
        Path studyFile = study("weighted-fedavg", Map.of(), "logistic");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        for (Path out : List.of(a, b)) {
            CliRunner r = CliRunner.run("run", studyFile.toString(), "--strategy", "fedavg-choose", "--param",
                    "folds=3", "--rounds", "3", "--seed", "5", "--out", out.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        assertThat(Files.readString(a.resolve("results.csv"))).contains("personalised,rural-clinic,accuracy,")
                .isEqualTo(Files.readString(b.resolve("results.csv")));
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = JsonFiles.read(a.resolve("summary.json"), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, String> kept = (Map<String, String>) ((Map<String, Object>) summary.get("personalisation")).get("kept");
        assertThat(kept).containsOnlyKeys(HOSPITALS);
        for (String h : HOSPITALS) {
            Path own = a.resolve("personal").resolve(h);
            assertThat(Files.readAllBytes(own.resolve("model.onnx")))
                    .isEqualTo(Files.readAllBytes(b.resolve("personal").resolve(h).resolve("model.onnx")));
            @SuppressWarnings("unchecked")
            Map<String, Object> card = JsonFiles.read(own.resolve("model-card.json"), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> how = (Map<String, Object>) card.get("personalisation");
            assertThat(how.get("method")).isEqualTo("choose");
            // the card names the candidate the hospital kept, as the run's summary does
            assertThat(how.get("kept")).as(h).isIn("shared", "fine-tuned", "alone").isEqualTo(kept.get(h));
        }
    }
}
