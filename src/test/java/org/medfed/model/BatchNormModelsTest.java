package org.medfed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.ExampleSet;
import org.medfed.engine.BadInputException;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelLayout;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;

/**
 * The image models with a batch normalisation after each convolution: where DL4J keeps its four values per channel in
 * the flat vector (what FedBN keeps at each hospital), inference by the running statistics worked by hand, training
 * that moves them, determinism, files and compaction.
 */
class BatchNormModelsTest {

    @TempDir
    Path dir;

    private static final ModelSpec CNN = ModelSpec.cnn(new int[] {1, 8, 8}, 2, new int[] {3, 4}, 5).withBatchNorm(true);

    @Test
    void cnnLayoutHasABlockOfGammaBetaMeanVarianceAfterEachConvolutionInDl4jsOrder() {
        // conv1 3*1*9+3 = 30, bn1 4*3 = 12, conv2 4*3*9+4 = 112, bn2 4*4 = 16, dense 4*2*2=16 -> 5: 85, 5 -> 1: 6
        assertThat(CNN.parameterLayout()).extracting(ModelSpec.ParameterBlock::layer)
                .containsExactly("conv1", "bn1", "conv2", "bn2", "dense1", "dense2");
        assertThat(CNN.parameterLayout()).extracting(ModelSpec.ParameterBlock::count)
                .containsExactly(30, 12, 112, 16, 85, 6);
        assertThat(CNN.layout().normalisationLayers()).containsExactly(1, 3);
        assertThat(CNN.layout().normalisationRanges("test")).extracting(r -> r[0] + "-" + r[1])
                .containsExactly("30-42", "154-170");

        MultiLayerNetwork net = NetworkFactory.build(CNN, LocalOptimizer.SGD, 0.1);
        List<Long> dl4j = new ArrayList<>();
        for (Layer l : net.getLayers()) {
            if (l.numParams() > 0) {
                dl4j.add(l.numParams());
            }
        }
        assertThat(dl4j).containsExactly(30L, 12L, 112L, 16L, 85L, 6L);
        // distinct values in bn1's block land in DL4J's gamma, beta, mean and var, channel by channel
        float[] p = CNN.initialParameters(3).toArray();
        for (int i = 0; i < 12; i++) {
            p[30 + i] = 10 + i;
        }
        net.setParams(Dl4jTrainer.toRow(ModelVector.wrap(p)));
        Layer bn1 = net.getLayer(1);
        assertThat(bn1.paramTable().keySet()).containsExactly("gamma", "beta", "mean", "var");
        assertThat(bn1.getParam("gamma").toFloatVector()).containsExactly(10, 11, 12);
        assertThat(bn1.getParam("beta").toFloatVector()).containsExactly(13, 14, 15);
        assertThat(bn1.getParam("mean").toFloatVector()).containsExactly(16, 17, 18);
        assertThat(bn1.getParam("var").toFloatVector()).containsExactly(19, 20, 21);
    }

    @Test
    void aNewNormalisationIsTheIdentity() {
        float[] p = CNN.initialParameters(7).toArray();
        assertThat(Arrays.copyOfRange(p, 30, 42)).containsExactly(1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1);
        assertThat(Arrays.copyOfRange(p, 154, 170)).containsExactly(1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1);
        // the convolutions are drawn as without batch norm: the same seeded stream, block after block
        assertThat(CNN.parameterCount()).isEqualTo(ModelSpec.cnn(new int[] {1, 8, 8}, 2, new int[] {3, 4}, 5)
                .parameterCount() + 28);
    }

    @Test
    void unetNormalisationsFollowEachConvolutionInTheGraphsParameterOrder() {
        ModelSpec spec = ModelSpec.unet(new int[] {1, 8, 8}, 2, 4).withBatchNorm(true);
        List<String> order = ImageModelsTest.graphParameterOrder(spec);
        assertThat(order).containsExactlyElementsOf(spec.parameterLayout().stream()
                .map(b -> b.layer() + "=" + b.count()).toList());
        assertThat(order).contains("bn_enc0a=8", "bn_dec0b=8").doesNotContain("bn_logit=4");
        assertThat(NetworkFactory.buildGraph(spec, LocalOptimizer.SGD, 0.1).numParams()).isEqualTo(spec.parameterCount());
        // 6 normalised convolutions of 2, 2, 4, 4, 2, 2 channels; the 1x1 logit is not normalised
        assertThat(spec.layout().normalisationLayers()).hasSize(6);
    }

    /**
     * One filter whose kernel passes the centre pixel through (x + 0.1), normalised with gamma 2, beta -0.3, running
     * mean 0.3 and variance 4, ReLU, 2x2 max pooling of the 2x2 image, then sigmoid(0.7 m - 0.2): prediction uses the
     * running statistics, not the batch's, and the ReLU follows the normalisation (the third image is negative
     * everywhere after it).
     */
    @Test
    void predictionNormalisesWithTheRunningStatisticsWorkedByHand() {
        ModelSpec spec = ModelSpec.cnn(new int[] {1, 2, 2}, 2, new int[] {1}).withBatchNorm(true);
        assertThat(spec.parameterCount()).isEqualTo(10 + 4 + 2);
        float[] p = new float[16];
        p[0] = 0.1f; // conv bias
        p[1 + 4] = 1f; // kernel centre
        p[10] = 2f;
        p[11] = -0.3f;
        p[12] = 0.3f;
        p[13] = 4f;
        p[14] = 0.7f;
        p[15] = -0.2f;
        float[][] images = {{1.0f, 0.5f, -0.5f, 0.25f}, {0.2f, -1.0f, 0.8f, 0.4f}, {0.1f, 0.2f, -0.3f, 0f}};
        ExampleSet set = ExampleSet.classification(new int[] {1, 2, 2}, images, new int[] {1, 0, 0}, 2);
        float[][] predicted = new Dl4jTrainer(spec, set, set).predict(ModelVector.wrap(p), set);
        for (int n = 0; n < 3; n++) {
            double m = 0;
            for (float x : images[n]) {
                m = Math.max(m, Math.max(0, 2 * (x + 0.1 - 0.3) / Math.sqrt(4 + 1e-5) - 0.3));
            }
            double expected = 1 / (1 + Math.exp(-(0.7 * m - 0.2)));
            assertThat((double) predicted[n][0]).as("image %d", n).isCloseTo(expected, within(1e-6));
        }
    }

    @Test
    void trainingMovesTheRunningStatisticsAndTheSameSeedGivesBitIdenticalModels() {
        ExampleSet set = TinyImages.squares(12, 8, 2);
        LocalTraining plan = new LocalTraining(4, 0, 4, LocalOptimizer.ADAM, 0.01, 17);
        ModelVector init = CNN.initialParameters(5);
        ModelVector a = new Dl4jTrainer(CNN, set, set).train(init, plan, GradientAdjustment.NONE, RunControl.free()).params();
        ModelVector b = new Dl4jTrainer(CNN, set, set).train(init, plan, GradientAdjustment.NONE, RunControl.free()).params();
        assertThat(a).isEqualTo(b);
        float[] before = init.toArray();
        float[] after = a.toArray();
        assertThat(Arrays.copyOfRange(after, 36, 39)).as("bn1's running mean").isNotEqualTo(Arrays.copyOfRange(before, 36, 39));
        assertThat(Arrays.copyOfRange(after, 39, 42)).as("bn1's running variance").isNotEqualTo(Arrays.copyOfRange(before, 39, 42));
        assertThat(Arrays.copyOfRange(after, 30, 33)).as("bn1's gamma").isNotEqualTo(Arrays.copyOfRange(before, 30, 33));

        ModelSpec unet = ModelSpec.unet(new int[] {1, 8, 8}, 2, 4).withBatchNorm(true);
        ModelVector u0 = unet.initialParameters(5);
        ModelVector c = new SegmentationTrainer(unet, set, set).train(u0, plan, GradientAdjustment.NONE, RunControl.free()).params();
        ModelVector d = new SegmentationTrainer(unet, set, set).train(u0, plan, GradientAdjustment.NONE, RunControl.free()).params();
        assertThat(c).isEqualTo(d).isNotEqualTo(u0);
    }

    @Test
    void modelFilesKeepTheNormalisationAndCompactionLeavesItAlone() {
        ExampleSet set = TinyImages.squares(4, 8, 6);
        ModelVector trained = new Dl4jTrainer(CNN, set, set).train(CNN.initialParameters(2),
                new LocalTraining(3, 0, 4, LocalOptimizer.ADAM, 0.01, 1), GradientAdjustment.NONE, RunControl.free()).params();
        ModelFiles.save(CNN, trained, dir.resolve("cnn"));
        ModelFiles.TrainedModel loaded = ModelFiles.load(dir.resolve("cnn"));
        assertThat(loaded.parameters()).isEqualTo(trained);
        assertThat(loaded.probabilities(set.inputs())).isDeepEqualTo(new Dl4jTrainer(CNN, set, set).predict(trained, set));

        float[] compact = new Compaction(0.5, true).apply(CNN, trained).toArray();
        float[] full = trained.toArray();
        for (int[] r : CNN.layout().normalisationRanges("test")) {
            assertThat(Arrays.copyOfRange(compact, r[0], r[1])).isEqualTo(Arrays.copyOfRange(full, r[0], r[1]));
        }
        assertThat(compact).isNotEqualTo(full);
    }

    @Test
    void batchNormIsForImageModelsOnly() {
        assertThatThrownBy(() -> ModelSpec.mlp(4, 2, 3).withBatchNorm(true)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("image models");
        assertThatThrownBy(() -> ModelLayout.of(3, 4).normalisationRanges("FedBN")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("FedBN").hasMessageContaining("batch norm on");
    }
}
