package org.medfed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medfed.data.ExampleSet;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.ModelVector;

/** The dense model file written without DL4J is the file DL4J's ModelSerializer writes for the same network. */
class DenseModelFileTest {

    static ModelSpec[] shapes() {
        return new ModelSpec[] {ModelSpec.logistic(3, 2), ModelSpec.logistic(13, 4), ModelSpec.mlp(3, 2, 4),
                ModelSpec.mlp(5, 3, 4, 2)};
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void everyEntryEqualsWhatDl4jWrites(ModelSpec spec) throws IOException {
        ModelVector params = spec.initialParameters(7);
        MultiLayerNetwork net = NetworkFactory.build(spec, LocalOptimizer.SGD, 0.01);
        net.setParams(Dl4jTrainer.toRow(params));
        ByteArrayOutputStream dl4j = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, dl4j, false);

        Map<String, byte[]> expected = entries(dl4j.toByteArray());
        Map<String, byte[]> ours = entries(DenseModelFile.bytes(spec, params));

        assertThat(ours.keySet()).containsExactlyElementsOf(expected.keySet());
        // Jackson ends lines with the platform's separator; ours always writes "\n"
        assertThat(new String(ours.get(DenseModelFile.CONFIGURATION), StandardCharsets.UTF_8)).isEqualTo(
                new String(expected.get(DenseModelFile.CONFIGURATION), StandardCharsets.UTF_8)
                        .replace(System.lineSeparator(), "\n"));
        assertThat(ours.get(DenseModelFile.COEFFICIENTS)).isEqualTo(expected.get(DenseModelFile.COEFFICIENTS));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void aSavedDenseModelLoadsBackWithItsParametersAndPredictsAsOurTrainer(ModelSpec spec, @TempDir Path dir) {
        ModelVector params = spec.initialParameters(11);
        ModelFiles.save(spec, params, dir);

        ModelFiles.TrainedModel model = ModelFiles.load(dir);

        assertThat(model.parameters()).isEqualTo(params);
        assertThat(model.inputShape()).containsExactly(spec.inputSize());
        float[][] x = new float[3][spec.inputSize()];
        for (int i = 0; i < spec.inputSize(); i++) {
            x[1][i] = 0.5f * i;
            x[2][i] = -1.25f + i;
        }
        ExampleSet rows = ExampleSet.classification(new int[] {spec.inputSize()}, x, new int[3], spec.classCount());
        float[][] expected = new DenseTrainer(spec, rows, rows).predict(params, rows);
        float[][] loaded = model.probabilities(x);
        for (int r = 0; r < x.length; r++) {
            assertThat(loaded[r]).containsExactly(expected[r], within(1e-6f));
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
