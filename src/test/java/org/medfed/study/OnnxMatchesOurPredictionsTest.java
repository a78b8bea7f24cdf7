package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.benchmark.BreastMnistBenchmark;
import org.medfed.benchmark.HeartDiseaseData;
import org.medfed.data.ExampleSet;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.tabular.Normalization;
import org.medfed.data.tabular.TabularFederation;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.model.Compaction;
import org.medfed.model.ModelFiles;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.model.onnx.OnnxExport;
import org.medfed.model.onnx.OnnxModel;
import org.medfed.project.ModelCard;
import org.medfed.project.ModelCardFile;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.SharedData;
import org.medfed.testsupport.TestWorkers;

/**
 * The ONNX proof: each exported file, run by ONNX Runtime on every test set, predicts what our own model does, to
 * 1e-5. Table models are fed the hospitals' raw columns, so the preprocessing in the graph is checked too.
 */
class OnnxMatchesOurPredictionsTest {

    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path tmp;

    /** FLamby's Fed-Heart-Disease: numeric and number-coded categorical columns, each centre's own z-scores. */
    @Test
    void fedHeartDiseaseLogisticAndMlpOnEveryCentresTestRows() {
        TabularFederation federation = HeartDiseaseData.prepare(SharedData.data("uci-heart-disease"), Normalization.LOCAL);
        int features = federation.preprocessing().inputSize();
        for (ModelSpec spec : List.of(ModelSpec.logistic(features, 2), ModelSpec.mlp(features, 2, 8))) {
            ModelVector params = trained(spec, federation.pooledTraining());
            Path dir = tmp.resolve(spec.kind().id());
            ModelFiles.save(spec, params, dir);
            ModelCard.OnnxInfo info = OnnxFiles.write(spec, params, Compaction.NONE, federation.preprocessing(),
                    federation.preprocessing().classes(), dir);
            assertThat(info.perParticipantFiles()).hasSize(4);
            ModelFiles.TrainedModel ours = ModelFiles.load(dir);
            for (TabularFederation.PreparedSite site : federation.sites()) {
                float[][] expected = ours.probabilities(site.test().inputs());
                try (OnnxModel onnx = OnnxModel.load(dir.resolve(info.perParticipantFiles().get(site.name())))) {
                    OnnxModel.RowPredictions out = rawRows(onnx, site.table().table(), site.table().testRowIndices());
                    assertThat(out.ok()).as(site.name()).containsOnly(true);
                    assertClose(out.probabilities(), expected, spec + " at " + site.name());
                }
            }
        }
    }

    /** The sample study: text categories, imputed missing values, pooled z-scores; predict on model.onnx. */
    @Test
    void sampleStudyPredictGivesTheSameProbabilitiesFromModelZipAndModelOnnx() throws Exception {
        Path file = Path.of("sample-projects/heart-4-hospitals/study.json");
        Study study = StudyFile.load(file);
        study = study.withTraining(study.training().withRounds(3));
        StudyResult result = StudyRunner.run(TestWorkers.shared(), PreparedStudy.prepare(study, file), RunOptions.defaults(), RunListener.NONE,
                RunControl.free(), m -> { });
        Path model = tmp.resolve("model");
        RunOutputs.exportModel(result, ResultStatistics.of(result), model);
        ModelCard card = ModelCardFile.load(model);
        assertThat(card.onnx().inputs()).extracting(ModelCard.OnnxInput::name)
                .containsExactly("age", "sex", "systolic_bp", "cholesterol", "bmi", "smoker", "diabetes", "chest_pain");
        assertThat(card.onnx().inputs()).extracting(ModelCard.OnnxInput::type)
                .containsExactly("float32", "string", "float32", "float32", "float32", "string", "float32", "string");
        for (String hospital : List.of("city-general", "rural-clinic", "heart-centre", "mountain-hospital")) {
            Path input = Path.of("sample-projects/heart-4-hospitals/data/" + hospital + ".csv");
            Prediction.Summary a = Prediction.predictFile(model, input, null, tmp.resolve("zip.csv"));
            Prediction.Summary b = Prediction.predictFile(model.resolve(OnnxExport.FILE), input, null, tmp.resolve("onnx.csv"));
            assertThat(b.predicted()).isEqualTo(a.predicted());
            assertThat(b.accuracy()).isEqualTo(a.accuracy());
            List<String> zip = Files.readAllLines(tmp.resolve("zip.csv"));
            List<String> onnx = Files.readAllLines(tmp.resolve("onnx.csv"));
            assertThat(onnx).hasSameSizeAs(zip);
            for (int i = 1; i < zip.size(); i++) {
                String[] x = zip.get(i).split(",", -1);
                String[] y = onnx.get(i).split(",", -1);
                int p1 = x.length - 2;
                assertThat(y[p1 - 2]).as(hospital + " line " + i).isEqualTo(x[p1 - 2]);
                assertThat(Double.parseDouble(y[p1])).as(hospital + " line " + i)
                        .isCloseTo(Double.parseDouble(x[p1]), org.assertj.core.data.Offset.offset(2e-6));
            }
        }
    }

    /** A CNN on BreastMNIST's official test images, full and compacted (pruned and int8). */
    @Test
    void cnnOnBreastMnistTestImages() {
        ExampleSet test = BreastMnistBenchmark.Data.load(SharedData.data("medmnist-breastmnist")).test();
        ModelSpec spec = ModelSpec.cnn(new int[] {1, 28, 28}, 2, new int[] {4, 8}, 16);
        ModelVector params = spec.initialParameters(3);
        for (Compaction c : List.of(Compaction.NONE, new Compaction(0.5, true))) {
            Path dir = tmp.resolve("cnn" + c.int8());
            ModelFiles.save(spec, c.apply(spec, params), dir);
            OnnxFiles.write(spec, params, c, null, List.of("malignant", "benign"), dir);
            float[][] ours = ModelFiles.load(dir).probabilities(test.inputs());
            try (OnnxModel onnx = OnnxModel.load(dir.resolve(OnnxExport.FILE))) {
                float[][] p = onnx.predictImages(test.inputs(), spec.inputShape());
                float[][] expected = new float[ours.length][];
                for (int i = 0; i < ours.length; i++) {
                    expected[i] = new float[] {1 - ours[i][0], ours[i][0]};
                }
                assertClose(p, expected, "BreastMNIST CNN, " + c.describe());
            }
        }
    }

    /** The U-Net on the phantom segmentation sample's test images of every hospital. */
    @Test
    void unetOnThePhantomSegmentationSample() {
        Path file = Path.of("sample-projects/phantom-4-hospitals/study-segmentation.json");
        PreparedStudy prepared = PreparedStudy.prepare(StudyFile.load(file), file);
        ModelSpec spec = prepared.spec();
        ModelVector params = spec.initialParameters(5);
        Path dir = tmp.resolve("unet");
        ModelFiles.save(spec, params, dir);
        OnnxFiles.write(spec, params, Compaction.NONE, null, prepared.data().classes(), dir);
        ModelFiles.TrainedModel ours = ModelFiles.load(dir);
        try (OnnxModel onnx = OnnxModel.load(dir.resolve(OnnxExport.FILE))) {
            for (SiteData site : prepared.data().sites()) {
                assertClose(onnx.predictImages(site.test().inputs(), spec.inputShape()),
                        ours.segment(site.test().inputs(), spec.inputShape()), "U-Net at " + site.name());
            }
        }
    }

    private static ModelVector trained(ModelSpec spec, ExampleSet train) {
        ModelTrainer trainer = ModelTrainer.create(spec, train, train);
        return trainer.train(spec.initialParameters(1), new LocalTraining(0, 5, 8, LocalOptimizer.ADAM,
                0.01, 2), GradientAdjustment.NONE, RunControl.free()).params();
    }

    /** The raw CSV cells of {@code rows}, as hospital IT would feed them: numbers as float, the rest as text. */
    static OnnxModel.RowPredictions rawRows(OnnxModel onnx, CsvTable table, int[] rows) {
        Map<String, float[]> numbers = new HashMap<>();
        Map<String, String[]> texts = new HashMap<>();
        for (OnnxModel.Input in : onnx.inputs()) {
            int c = table.columnIndex(in.name());
            float[] v = new float[rows.length];
            String[] s = new String[rows.length];
            for (int k = 0; k < rows.length; k++) {
                String raw = table.value(rows[k], c);
                s[k] = raw == null ? "" : raw.trim();
                v[k] = raw == null || in.text() ? Float.NaN : Float.parseFloat(raw.trim());
            }
            if (in.text()) {
                texts.put(in.name(), s);
            } else {
                numbers.put(in.name(), v);
            }
        }
        return onnx.predictRows(numbers, texts, rows.length);
    }

    private static void assertClose(float[][] actual, float[][] expected, String what) {
        float[][] both = expected;
        if (expected.length > 0 && expected[0].length == 1 && actual[0].length == 2) {
            both = new float[expected.length][];
            for (int i = 0; i < expected.length; i++) {
                both[i] = new float[] {1 - expected[i][0], expected[i][0]};
            }
        }
        assertThat(actual.length).as(what).isEqualTo(both.length).isPositive();
        double worst = 0;
        for (int i = 0; i < both.length; i++) {
            for (int j = 0; j < both[i].length; j++) {
                worst = Math.max(worst, Math.abs(actual[i][j] - both[i][j]));
            }
        }
        assertThat(worst).as(what + ": largest difference").isLessThanOrEqualTo(TOLERANCE);
    }
}
