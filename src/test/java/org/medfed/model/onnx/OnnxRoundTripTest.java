package org.medfed.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.medfed.data.csv.CsvTable;
import java.util.Map;
import java.util.SplittableRandom;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.tabular.FeatureColumn;
import org.medfed.data.tabular.FittedPreprocessing;
import org.medfed.data.tabular.LabelRule;
import org.medfed.data.tabular.MissingPolicy;
import org.medfed.data.tabular.Normalization;
import org.medfed.data.tabular.Standardization;
import org.medfed.engine.ModelVector;
import org.medfed.model.Compaction;
import org.medfed.model.ModelFiles;
import org.medfed.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every model kind exported as ONNX, run in ONNX Runtime, against our own DL4J predictions. */
class OnnxRoundTripTest {

    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    @Test
    void cnnImagesMatchDl4j() {
        ModelSpec spec = ModelSpec.cnn(new int[] {2, 8, 6}, 3, new int[] {3, 4}, 5);
        float[][] images = images(7, spec.inputSize(), 1);
        assertImagesMatch(spec, List.of("a", "b", "c"), images, Compaction.NONE);
    }

    @Test
    void binaryCnnAndCompactedCnnMatchDl4j() {
        ModelSpec spec = ModelSpec.cnn(new int[] {1, 8, 8}, 2, new int[] {4}, 6);
        float[][] images = images(5, spec.inputSize(), 2);
        assertImagesMatch(spec, List.of("benign", "malignant"), images, Compaction.NONE);
        assertImagesMatch(spec, List.of("benign", "malignant"), images, new Compaction(0.5, true));
    }

    @Test
    void cnnWithBatchNormMatchesDl4jFullAndCompacted() {
        ModelSpec spec = ModelSpec.cnn(new int[] {2, 8, 6}, 3, new int[] {3, 4}, 5).withBatchNorm(true);
        ModelVector params = trainedNormalisation(spec, spec.initialParameters(7), 5);
        float[][] images = images(7, spec.inputSize(), 1);
        assertImagesMatch(spec, params, List.of("a", "b", "c"), images, Compaction.NONE);
        ModelSpec binary = ModelSpec.cnn(new int[] {1, 8, 8}, 2, new int[] {4}, 6).withBatchNorm(true);
        ModelVector p = trainedNormalisation(binary, binary.initialParameters(7), 6);
        float[][] x = images(5, binary.inputSize(), 2);
        assertImagesMatch(binary, p, List.of("benign", "malignant"), x, Compaction.NONE);
        assertImagesMatch(binary, p, List.of("benign", "malignant"), x, new Compaction(0.5, true));
    }

    @Test
    void unetWithBatchNormMatchesDl4j() {
        ModelSpec spec = ModelSpec.unet(new int[] {1, 8, 8}, 3, 4).withBatchNorm(true);
        assertMasksMatch(spec, trainedNormalisation(spec, spec.initialParameters(11), 8), images(3, spec.inputSize(), 3));
    }

    /**
     * {@code params} with every batch normalisation drawn away from the identity (gamma in [0.5, 1.5], beta and the
     * running mean in [-0.5, 0.5], the running variance in [0.25, 2.25]), as training leaves it.
     */
    private static ModelVector trainedNormalisation(ModelSpec spec, ModelVector params, long seed) {
        float[] p = params.toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int[] r : spec.layout().normalisationRanges("test")) {
            int c = (r[1] - r[0]) / 4;
            for (int i = 0; i < c; i++) {
                p[r[0] + i] = (float) (0.5 + random.nextDouble());
                p[r[0] + c + i] = (float) (random.nextDouble() - 0.5);
                p[r[0] + 2 * c + i] = (float) (random.nextDouble() - 0.5);
                p[r[0] + 3 * c + i] = (float) (0.25 + 2 * random.nextDouble());
            }
        }
        return ModelVector.wrap(p);
    }

    @Test
    void unetMasksMatchDl4j() {
        ModelSpec spec = ModelSpec.unet(new int[] {1, 8, 8}, 3, 4, 5);
        assertMasksMatch(spec, spec.initialParameters(11), images(3, spec.inputSize(), 3));
    }

    private void assertMasksMatch(ModelSpec spec, ModelVector params, float[][] images) {
        ModelFiles.save(spec, params, dir);
        float[][] ours = ModelFiles.load(dir).segment(images, spec.inputShape());
        try (OnnxModel onnx = onnx(OnnxExport.images(spec, params, Compaction.NONE, List.of(), "test"))) {
            assertClose(onnx.predictImages(images, spec.inputShape()), ours);
        }
    }

    @Test
    void tableModelsWithPreprocessingMatchOursOnRawColumns() {
        FittedPreprocessing prep = preprocessing(MissingPolicy.IMPUTE);
        for (ModelSpec spec : List.of(ModelSpec.logistic(prep.inputSize(), 2), ModelSpec.mlp(prep.inputSize(), 2, 6, 4),
                ModelSpec.mlp(prep.inputSize(), 3, 5))) {
            List<String> classes = spec.classCount() == 2 ? List.of("no", "yes") : List.of("x", "y", "z");
            FittedPreprocessing p = new FittedPreprocessing(prep.features(), prep.label(), prep.labelRule(), classes,
                    prep.missing(), prep.normalization(), prep.pooled(), prep.perParticipant());
            ModelVector params = spec.initialParameters(5);
            ModelFiles.save(spec, params, dir);
            String[][] rows = {{"63", "M", "2"}, {null, "F", "4.0"}, {"41.5", null, "1"}, {"70", "F", null}};
            float[][] encoded = new float[rows.length][];
            CsvTable table = new CsvTable(Path.of("rows.csv"), List.of("age", "sex", "cp"), List.of(rows),
                    new int[] {2, 3, 4, 5}, true);
            for (int r = 0; r < rows.length; r++) {
                encoded[r] = p.pooled().apply(p.encoderFor(table).encode(r, true));
            }
            float[][] ours = ModelFiles.load(dir).probabilities(encoded);
            try (OnnxModel onnx = onnx(OnnxExport.tabular(spec, params, Compaction.NONE, p, p.pooled(), "test"))) {
                OnnxModel.RowPredictions out = onnx.predictRows(numbers(rows), texts(rows), rows.length);
                assertThat(out.ok()).containsOnly(true);
                assertClose(out.probabilities(), both(ours));
                for (int r = 0; r < rows.length; r++) {
                    int best = argMax(both(ours)[r]);
                    assertThat(out.labels()[r]).isEqualTo(classes.get(best));
                }
            }
        }
    }

    @Test
    void rowsTrainingWouldRefuseAreFlaggedNotGuessed() {
        FittedPreprocessing prep = preprocessing(MissingPolicy.DROP_ROWS);
        ModelSpec spec = ModelSpec.logistic(prep.inputSize(), 2);
        String[][] rows = {{"63", "M", "2"}, {null, "F", "4"}, {"50", "X", "2"}, {"50", "M", "7"}, {"50", null, "2"}};
        try (OnnxModel onnx = onnx(OnnxExport.tabular(spec, spec.initialParameters(1), Compaction.NONE,
                prep, prep.pooled(), "test"))) {
            OnnxModel.RowPredictions out = onnx.predictRows(numbers(rows), texts(rows), rows.length);
            assertThat(out.ok()).containsExactly(true, false, false, false, false);
            assertThat(out.probabilities()[1][0]).isNaN();
            assertThat(out.labels()[2]).isEmpty();
            assertThat(out.probabilities()[0][0] + out.probabilities()[0][1]).isCloseTo(1f,
                    org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    /**
     * A tiny logistic regression in int8: weights 127 and -63.5 (scale 1) become 127 and -64, the bias 0.25 stays;
     * for x = (0.01, 0.02): z = 1.27 - 1.28 + 0.25 = 0.24 and sigmoid(0.24) = 0.559714 (by hand).
     */
    @Test
    void int8TinyModelGivesTheHandComputedProbability() throws Exception {
        ModelSpec spec = ModelSpec.logistic(2, 2);
        ModelVector params = ModelVector.wrap(new float[] {127f, -63.5f, 0.25f});
        byte[] file = OnnxExport.features(spec, params, new Compaction(0, true), List.of("no", "yes"), "test");
        assertThat(OnnxExport.inputs(file)).extracting(OnnxExport.Port::name).containsExactly(OnnxExport.FEATURES);
        Path path = dir.resolve("tiny.onnx");
        OnnxExport.write(path, file);
        try (OnnxModel onnx = OnnxModel.load(path)) {
            assertThat(onnx.classes()).containsExactly("no", "yes");
        }
        float[] p = runFeatures(path, new float[] {0.01f, 0.02f});
        assertThat((double) p[1]).isCloseTo(0.559714, org.assertj.core.data.Offset.offset(1e-6));
        assertThat((double) p[0]).isCloseTo(1 - 0.559714, org.assertj.core.data.Offset.offset(1e-6));
    }

    private static float[] runFeatures(Path file, float[] row) throws Exception {
        ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        try (ai.onnxruntime.OrtSession s = env.createSession(file.toString());
             ai.onnxruntime.OnnxTensor x = ai.onnxruntime.OnnxTensor.createTensor(env, new float[][] {row});
             ai.onnxruntime.OrtSession.Result r = s.run(Map.of(OnnxExport.FEATURES, x))) {
            return ((float[][]) r.get(OnnxExport.PROBABILITIES).orElseThrow().getValue())[0];
        }
    }

    /** age (numeric), sex (text, first level dropped), cp (number-coded category 1-4). */
    private static FittedPreprocessing preprocessing(MissingPolicy missing) {
        List<FeatureColumn> features = List.of(FeatureColumn.numeric("age", 54.25),
                new FeatureColumn("sex", ColumnType.CATEGORICAL, List.of("F", "M"), true, 0, "M"),
                new FeatureColumn("cp", ColumnType.CATEGORICAL, List.of("1", "2", "3", "4"), false, 0, "4"));
        Standardization z = new Standardization(new double[] {54.25, 0.6, 0.1, 0.2, 0.3, 0.4},
                new double[] {9.5, 0.49, 0.3, 0.4, 0.0, 0.49}, 100);
        return new FittedPreprocessing(features, "disease", LabelRule.AS_IS, List.of("no", "yes"), missing,
                Normalization.POOLED, z, Map.of());
    }

    private static Map<String, float[]> numbers(String[][] rows) {
        float[] age = new float[rows.length];
        float[] cp = new float[rows.length];
        for (int r = 0; r < rows.length; r++) {
            age[r] = rows[r][0] == null ? Float.NaN : Float.parseFloat(rows[r][0]);
            cp[r] = rows[r][2] == null ? Float.NaN : Float.parseFloat(rows[r][2]);
        }
        return Map.of("age", age, "cp", cp);
    }

    private static Map<String, String[]> texts(String[][] rows) {
        return Map.of("sex", Arrays.stream(rows).map(r -> r[1] == null ? "" : r[1]).toArray(String[]::new));
    }

    private void assertImagesMatch(ModelSpec spec, List<String> classes, float[][] images, Compaction compaction) {
        assertImagesMatch(spec, spec.initialParameters(7), classes, images, compaction);
    }

    private void assertImagesMatch(ModelSpec spec, ModelVector params, List<String> classes, float[][] images,
                                   Compaction compaction) {
        ModelFiles.save(spec, compaction.apply(spec, params), dir);
        float[][] ours = both(ModelFiles.load(dir).probabilities(images));
        try (OnnxModel onnx = onnx(OnnxExport.images(spec, params, compaction, classes, "test"))) {
            assertClose(onnx.predictImages(images, spec.inputShape()), ours);
            assertThat(onnx.classes()).isEqualTo(classes);
        }
    }

    private OnnxModel onnx(byte[] bytes) {
        Path file = dir.resolve(OnnxExport.FILE);
        OnnxExport.write(file, bytes);
        return OnnxModel.load(file);
    }

    /** Binary models give one probability; the ONNX file gives both classes'. */
    private static float[][] both(float[][] p) {
        if (p[0].length != 1) {
            return p;
        }
        float[][] out = new float[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = new float[] {1 - p[i][0], p[i][0]};
        }
        return out;
    }

    private static int argMax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return best;
    }

    static float[][] images(int n, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[n][size];
        for (float[] image : out) {
            for (int i = 0; i < size; i++) {
                image[i] = (float) random.nextDouble();
            }
        }
        return out;
    }

    static void assertClose(float[][] actual, float[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].length).isEqualTo(expected[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                worst = Math.max(worst, Math.abs(actual[i][j] - expected[i][j]));
            }
        }
        assertThat(worst).as("largest difference between ONNX Runtime and ours").isLessThanOrEqualTo(TOLERANCE);
    }
}
