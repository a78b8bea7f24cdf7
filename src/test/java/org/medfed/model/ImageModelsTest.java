package org.medfed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.ExampleSet;
import org.medfed.engine.BadInputException;
import org.medfed.engine.DataSplit;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;

/** The CNN and the U-Net: shapes and parameter counts by formula, a convolution step by hand, files, determinism. */
class ImageModelsTest {

    @TempDir
    Path dir;

    @Test
    void cnnParameterCountFollowsTheFormulaAndDl4jAgreesLayerByLayer() {
        ModelSpec spec = ModelSpec.cnn(new int[] {1, 28, 28}, 2, new int[] {8, 16}, 32);
        // conv 1->8: 8*1*9+8 = 80; conv 8->16: 16*8*9+16 = 1168; 28 -> 14 -> 7, dense 16*7*7=784 -> 32: 25120; 32 -> 1: 33
        assertThat(spec.parameterCount()).isEqualTo(80 + 1168 + 25120 + 33).isEqualTo(26401);
        MultiLayerNetwork net = NetworkFactory.build(spec, LocalOptimizer.SGD, 0.1);
        List<Long> dl4j = new ArrayList<>();
        for (Layer l : net.getLayers()) {
            if (l.numParams() > 0) {
                dl4j.add(l.numParams());
            }
        }
        assertThat(dl4j).containsExactlyElementsOf(spec.parameterLayout().stream().map(b -> (long) b.count()).toList());
        assertThat(net.numParams()).isEqualTo(26401);
    }

    @Test
    void unetParameterCountFollowsTheFormulaAndDl4jAgreesInItsParameterOrder() {
        ModelSpec spec = ModelSpec.unet(new int[] {1, 16, 16}, 4, 8);
        // enc0: 4*1*9+4=40, 4*4*9+4=148; enc1: 8*4*9+8=296, 8*8*9+8=584; dec0: (8+4)*4*9+4=436, 148; 1x1: 4+1=5
        assertThat(spec.parameterCount()).isEqualTo(40 + 148 + 296 + 584 + 436 + 148 + 5).isEqualTo(1657);
        assertThat(graphParameterOrder(spec)).containsExactlyElementsOf(spec.parameterLayout().stream()
                .map(b -> b.layer() + "=" + b.count()).toList());
        assertThat(NetworkFactory.buildGraph(spec, LocalOptimizer.SGD, 0.1).numParams()).isEqualTo(1657);
    }

    /** "vertex=parameters" of each layer with parameters of the U-Net's graph, in the order of its flat vector. */
    static List<String> graphParameterOrder(ModelSpec spec) {
        ComputationGraph graph = NetworkFactory.buildGraph(spec, LocalOptimizer.SGD, 0.1);
        List<String> order = new ArrayList<>();
        for (String vertex : graph.getConfiguration().getTopologicalOrderStr()) {
            Layer l = graph.getLayer(vertex);
            if (l != null && l.numParams() > 0) {
                order.add(vertex + "=" + l.numParams());
            }
        }
        return order;
    }

    @Test
    void specsRefuseShapesTheNetworksCannotTake() {
        assertThatThrownBy(() -> ModelSpec.unet(new int[] {1, 30, 30}, 4, 8, 16))
                .isInstanceOf(BadInputException.class).hasMessageContaining("divisible by 4");
        assertThatThrownBy(() -> ModelSpec.cnn(new int[] {1, 4, 4}, 2, new int[] {4, 4, 4}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("too small");
        assertThatThrownBy(() -> ModelSpec.cnn(new int[] {784}, 2, new int[] {4}))
                .isInstanceOf(BadInputException.class)
                .hasMessage("model.type cnn needs images, but this study's data are a table (784 inputs): choose "
                        + "logistic or mlp");
        assertThatThrownBy(() -> ModelSpec.cnn(new int[] {28, 28}, 2, new int[] {4}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("[channels, height, width]");
        assertThatThrownBy(() -> new ModelSpec(ModelKind.MLP, new int[] {1, 8, 8}, 2, new int[] {4}, null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("choose cnn or unet");
    }

    /**
     * A one-filter CNN on 2x2 images, worked by hand: 3x3 convolution with zero padding (cross-correlation, as
     * DL4J and PyTorch compute it), ReLU, 2x2 max pooling to one value m, then p = sigmoid(wd m + bd). One SGD
     * step on two images; the gradient flows only through each image's largest convolution output.
     * Parameter order: convolution bias, the 9 kernel weights row by row, then dense weight and bias.
     */
    @Test
    void oneSgdStepOfAOneFilterCnnMatchesTheHandComputation() {
        ModelSpec spec = ModelSpec.cnn(new int[] {1, 2, 2}, 2, new int[] {1});
        assertThat(spec.parameterCount()).isEqualTo(12);
        double[][] images = {{1.0, 0.5, -0.5, 0.25}, {0.2, -1.0, 0.8, 0.4}};
        int[] labels = {1, 0};
        double cb = 0.1;
        double[] k = {0.2, -0.1, 0.3, 0.05, 0.4, -0.2, 0.1, 0.15, -0.3};
        double wd = 0.7;
        double bd = -0.2;
        float[] start = new float[12];
        start[0] = (float) cb;
        for (int i = 0; i < 9; i++) {
            start[1 + i] = (float) k[i];
        }
        start[10] = (float) wd;
        start[11] = (float) bd;

        double[] grad = new double[12];
        for (int n = 0; n < 2; n++) {
            double[] x = images[n];
            double best = Double.NEGATIVE_INFINITY;
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double o = cb;
                    for (int u = -1; u <= 1; u++) {
                        for (int v = -1; v <= 1; v++) {
                            int r = i + u;
                            int c = j + v;
                            if (r >= 0 && r < 2 && c >= 0 && c < 2) {
                                o += k[(u + 1) * 3 + (v + 1)] * x[r * 2 + c];
                            }
                        }
                    }
                    double relu = Math.max(0, o);
                    if (relu > best) {
                        best = relu;
                        bi = i;
                        bj = j;
                    }
                }
            }
            assertThat(best).as("the worked example keeps the maximum positive").isPositive();
            double p = 1 / (1 + Math.exp(-(wd * best + bd)));
            double dz = (p - labels[n]) / 2; // mean over the two images
            grad[10] += dz * best;
            grad[11] += dz;
            double dOut = dz * wd;
            grad[0] += dOut;
            for (int u = -1; u <= 1; u++) {
                for (int v = -1; v <= 1; v++) {
                    int r = bi + u;
                    int c = bj + v;
                    if (r >= 0 && r < 2 && c >= 0 && c < 2) {
                        grad[1 + (u + 1) * 3 + (v + 1)] += dOut * x[r * 2 + c];
                    }
                }
            }
        }
        float[][] x = new float[2][4];
        for (int n = 0; n < 2; n++) {
            for (int i = 0; i < 4; i++) {
                x[n][i] = (float) images[n][i];
            }
        }
        ExampleSet data = ExampleSet.classification(new int[] {1, 2, 2}, x, labels, 2);
        Dl4jTrainer trainer = new Dl4jTrainer(spec, data, data);
        double lr = 0.5;

        ModelVector after = trainer.train(ModelVector.of(start), new LocalTraining(1, 0, 2, LocalOptimizer.SGD, lr, 3),
                GradientAdjustment.NONE, RunControl.free()).params();
        ModelVector g = trainer.gradient(ModelVector.of(start), 0, 1);

        for (int i = 0; i < 12; i++) {
            assertThat(g.get(i)).as("gradient %d", i).isCloseTo((float) grad[i], within(1e-6f));
            assertThat(after.get(i)).as("parameter %d", i).isCloseTo((float) (start[i] - lr * grad[i]), within(1e-6f));
        }
    }

    @Test
    void outputShapesOfTheCnnAndTheUnet() {
        ExampleSet set = TinyImages.squares(5, 8, 1);
        ModelSpec binary = ModelSpec.cnn(new int[] {1, 8, 8}, 2, new int[] {2});
        float[][] p = new Dl4jTrainer(binary, set, set).predict(binary.initialParameters(1), set);
        assertThat(p).hasNumberOfRows(5);
        assertThat(p[0]).hasSize(1);
        ExampleSet three = new ExampleSet(set.inputShape(), set.inputs(), new int[] {0, 1, 2, 0, 1}, 3, null);
        ModelSpec multi = ModelSpec.cnn(new int[] {1, 8, 8}, 3, new int[] {2}, 4);
        float[][] q = new Dl4jTrainer(multi, three, three).predict(multi.initialParameters(1), three);
        assertThat(q[0]).hasSize(3);
        assertThat(q[0][0] + q[0][1] + q[0][2]).isCloseTo(1f, within(1e-5f));
        ModelSpec unet = ModelSpec.unet(new int[] {1, 8, 8}, 2, 4);
        float[][] s = new SegmentationTrainer(unet, set, set).predict(unet.initialParameters(1), set);
        assertThat(s).hasNumberOfRows(5);
        assertThat(s[0]).hasSize(64);
        for (float v : s[0]) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void theSameSeedGivesBitIdenticalCnnAndUnetTraining() {
        ExampleSet set = TinyImages.squares(12, 8, 2);
        LocalTraining plan = new LocalTraining(4, 0, 4, LocalOptimizer.ADAM, 0.01, 17);
        ModelSpec cnn = ModelSpec.cnn(new int[] {1, 8, 8}, 2, new int[] {3}, 4);
        ModelVector init = cnn.initialParameters(5);
        assertThat(cnn.initialParameters(5)).isEqualTo(init);
        assertThat(cnn.initialParameters(6)).isNotEqualTo(init);
        ModelVector a = new Dl4jTrainer(cnn, set, set).train(init, plan, GradientAdjustment.NONE, RunControl.free()).params();
        ModelVector b = new Dl4jTrainer(cnn, set, set).train(init, plan, GradientAdjustment.NONE, RunControl.free()).params();
        assertThat(a).isEqualTo(b).isNotEqualTo(init);

        ModelSpec unet = ModelSpec.unet(new int[] {1, 8, 8}, 2, 4);
        ModelVector u0 = unet.initialParameters(5);
        SegmentationTrainer reused = new SegmentationTrainer(unet, set, set);
        reused.train(u0, plan.withSeed(99), GradientAdjustment.NONE, RunControl.free());
        ModelVector c = reused.train(u0, plan, GradientAdjustment.NONE, RunControl.free()).params();
        ModelVector d = new SegmentationTrainer(unet, set, set).train(u0, plan, GradientAdjustment.NONE, RunControl.free()).params();
        assertThat(c).as("a fresh optimiser state each call").isEqualTo(d).isNotEqualTo(u0);
    }

    @Test
    void theUnetRefusesDpSgdRatherThanTrainWithoutIt() {
        ExampleSet set = TinyImages.squares(12, 8, 2);
        ModelSpec unet = ModelSpec.unet(new int[] {1, 8, 8}, 2, 4);
        LocalTraining plan = new LocalTraining(1, 0, 4, LocalOptimizer.SGD, 0.01, 1).withSampleLevelPrivacy(
                new org.medfed.privacy.dp.DpSgdPrivacy(1.0, 1.1, null, 1e-5, 3,
                        org.medfed.privacy.random.RandomSource.seeded(1)));
        assertThatThrownBy(() -> new SegmentationTrainer(unet, set, set).train(unet.initialParameters(1),
                plan, GradientAdjustment.NONE, RunControl.free()))
                .isInstanceOf(org.medfed.engine.BadInputException.class).hasMessageContaining("not for the U-Net");
    }

    @Test
    void initialImageModelWeightsAreHeUniformAndBiasesZero() {
        ModelSpec spec = ModelSpec.cnn(new int[] {3, 8, 8}, 2, new int[] {4});
        ModelVector p = spec.initialParameters(1);
        int conv = 4 * 3 * 9 + 4;
        assertThat(p.size()).isEqualTo(conv + 4 * 4 * 4 + 1);
        // convolution: 4 biases first (zero), then 108 weights within sqrt(6 / 27); dense 64 -> 1: weights, then bias
        for (int i = 0; i < 4; i++) {
            assertThat(p.get(i)).isZero();
        }
        double max = 0;
        for (int i = 4; i < conv; i++) {
            assertThat(Math.abs(p.get(i))).isLessThanOrEqualTo((float) Math.sqrt(6.0 / 27));
            max = Math.max(max, Math.abs(p.get(i)));
        }
        assertThat(max).as("the draws fill the range").isGreaterThan(0.8 * Math.sqrt(6.0 / 27));
        for (int i = conv; i < conv + 64; i++) {
            assertThat(Math.abs(p.get(i))).isLessThanOrEqualTo((float) Math.sqrt(6.0 / 64));
        }
        assertThat(p.get(p.size() - 1)).isZero();
    }

    /** The U-Net's gradient is that of the mean per-pixel cross-entropy that evaluation reports as "loss". */
    @Test
    void unetGradientMatchesFiniteDifferencesOfTheMeanPixelLoss() {
        ExampleSet set = TinyImages.squares(3, 8, 3);
        ModelSpec spec = ModelSpec.unet(new int[] {1, 8, 8}, 2, 2);
        SegmentationTrainer trainer = new SegmentationTrainer(spec, set, set, 1.0);
        ModelVector at = spec.initialParameters(8);
        ModelVector g = trainer.gradient(at, 0, 1);
        // the 1x1 output convolution's bias and weights (last three parameters: bias first) and one encoder weight
        int n = spec.parameterCount();
        for (int i : new int[] {n - 3, n - 2, n - 1, 30}) {
            double h = 1e-2;
            float[] plus = at.toArray();
            float[] minus = at.toArray();
            plus[i] += (float) h;
            minus[i] -= (float) h;
            double lp = trainer.evaluate(ModelVector.of(plus), DataSplit.TRAIN).metric("loss");
            double lm = trainer.evaluate(ModelVector.of(minus), DataSplit.TRAIN).metric("loss");
            double numeric = (lp - lm) / (2 * h);
            assertThat((double) g.get(i)).as("parameter %d", i).isCloseTo(numeric, within(2e-3 + 0.02 * Math.abs(numeric)));
        }
    }

    /** With a foreground weight w, the gradient is that of mean(w_pixel x cross-entropy_pixel), w_pixel = w on the mask. */
    @Test
    void weightedUnetGradientMatchesFiniteDifferencesOfTheWeightedLoss() {
        ExampleSet set = TinyImages.squares(3, 8, 3);
        ModelSpec spec = ModelSpec.unet(new int[] {1, 8, 8}, 2, 2);
        double w = 4.0;
        SegmentationTrainer trainer = new SegmentationTrainer(spec, set, set, w);
        ModelVector at = spec.initialParameters(8);
        ModelVector g = trainer.gradient(at, 0, 1);
        int n = spec.parameterCount();
        for (int i : new int[] {n - 3, n - 1, 30}) {
            double h = 1e-2;
            float[] plus = at.toArray();
            float[] minus = at.toArray();
            plus[i] += (float) h;
            minus[i] -= (float) h;
            double numeric = (weightedLoss(trainer, ModelVector.of(plus), set, w)
                    - weightedLoss(trainer, ModelVector.of(minus), set, w)) / (2 * h);
            assertThat((double) g.get(i)).as("parameter %d", i).isCloseTo(numeric, within(2e-3 + 0.02 * Math.abs(numeric)));
        }
        // 9 of 64 pixels are foreground in every image: sqrt(55 / 9)
        assertThat(SegmentationTrainer.defaultForegroundWeight(set)).isCloseTo(Math.sqrt(55.0 / 9), within(1e-12));
        assertThat(new SegmentationTrainer(spec, set, set).foregroundWeight()).isCloseTo(Math.sqrt(55.0 / 9), within(1e-12));
    }

    private static double weightedLoss(SegmentationTrainer trainer, ModelVector params, ExampleSet set, double w) {
        float[][] p = trainer.predict(params, set);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < p[i].length; k++) {
                boolean fg = set.masks()[i][k] >= 0.5f;
                sum -= fg ? w * Math.log(p[i][k]) : Math.log(1 - p[i][k]);
                count++;
            }
        }
        return sum / count;
    }

    /** One SGD step moves the parameters by exactly the learning rate times that gradient, adjustment included. */
    @Test
    void unetSgdStepUsesTheMeanGradientAndTheStrategysAdjustment() {
        ExampleSet set = TinyImages.squares(4, 8, 4);
        ModelSpec spec = ModelSpec.unet(new int[] {1, 8, 8}, 2, 2);
        SegmentationTrainer trainer = new SegmentationTrainer(spec, set, set, 1.0);
        ModelVector start = spec.initialParameters(9);
        ModelVector g = trainer.gradient(start, 0, 1);
        double lr = 0.3;
        double mu = 0.5;
        float[] anchor = new float[spec.parameterCount()];
        GradientAdjustment proximal = (params, gradient) -> {
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] += (float) (mu * (params[i] - anchor[i]));
            }
        };
        LocalTraining oneStep = new LocalTraining(1, 0, 4, LocalOptimizer.SGD, lr, 1);

        var plain = trainer.train(start, oneStep, GradientAdjustment.NONE, RunControl.free());
        ModelVector adjusted = trainer.train(start, oneStep, proximal, RunControl.free()).params();

        for (int i = 0; i < start.size(); i++) {
            assertThat(plain.params().get(i)).isCloseTo((float) (start.get(i) - lr * g.get(i)), within(2e-6f));
            double expected = start.get(i) - lr * (g.get(i) + mu * (start.get(i) - anchor[i]));
            assertThat(adjusted.get(i)).isCloseTo((float) expected, within(2e-6f));
        }
        assertThat(plain.meanLoss()).as("reported loss is the mean pixel loss before the step")
                .isCloseTo(trainer.evaluate(start, DataSplit.TRAIN).metric("loss"), within(1e-5));
    }

    @Test
    void evaluationOfASegmentationReportsDiceAndIou() {
        ExampleSet set = TinyImages.squares(4, 8, 5);
        ModelSpec spec = ModelSpec.unet(new int[] {1, 8, 8}, 2, 2);
        var e = new SegmentationTrainer(spec, set, set).evaluate(spec.initialParameters(1), DataSplit.TEST);
        assertThat(e.examples()).isEqualTo(4);
        assertThat(e.metrics()).containsKeys("dice", "iou", "pixel_accuracy", "loss");
    }

    @Test
    void cnnAndUnetModelFilesLoadBackWithTheSameParametersAndPredictions() {
        ExampleSet set = TinyImages.squares(4, 8, 6);
        ModelSpec cnn = ModelSpec.cnn(new int[] {1, 8, 8}, 2, new int[] {2}, 3);
        ModelVector pc = cnn.initialParameters(2);
        ModelFiles.save(cnn, pc, dir.resolve("cnn"));
        ModelFiles.TrainedModel loadedCnn = ModelFiles.load(dir.resolve("cnn"));
        assertThat(loadedCnn.parameters()).isEqualTo(pc);
        assertThat(loadedCnn.inputShape()).containsExactly(1, 8, 8);
        assertThat(loadedCnn.probabilities(set.inputs())).isDeepEqualTo(new Dl4jTrainer(cnn, set, set).predict(pc, set));

        ModelSpec unet = ModelSpec.unet(new int[] {1, 8, 8}, 2, 4);
        ModelVector pu = unet.initialParameters(2);
        ModelFiles.save(unet, pu, dir.resolve("unet"));
        ModelFiles.TrainedModel loadedUnet = ModelFiles.load(dir.resolve("unet"));
        assertThat(loadedUnet.isSegmentation()).isTrue();
        assertThat(loadedUnet.parameters()).isEqualTo(pu);
        assertThat(loadedUnet.segment(set.inputs(), new int[] {1, 8, 8}))
                .isDeepEqualTo(new SegmentationTrainer(unet, set, set).predict(pu, set));
    }
}
