package org.medfed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.medfed.data.ExampleSet;
import org.medfed.engine.DataSplit;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;

/** The hand-written dense trainer against hand formulas and against DL4J on the same parameter layout. */
class DenseTrainerTest {

    private static ExampleSet random(int n, int width, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][width];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                x[i][j] = (float) (r.nextDouble() * 4 - 2);
            }
            y[i] = r.nextInt(classes);
        }
        return ExampleSet.classification(new int[] {width}, x, y, classes);
    }

    @Test
    void oneSgdStepOfLogisticRegressionMatchesTheFormula() {
        float[][] x = {{1f, 2f}, {-1f, 0.5f}};
        int[] y = {1, 0};
        ExampleSet data = ExampleSet.classification(new int[] {2}, x, y, 2);
        DenseTrainer trainer = new DenseTrainer(ModelSpec.logistic(2, 2), data, data);
        var out = trainer.train(ModelVector.of(new float[] {0.1f, -0.2f, 0.05f}),
                new LocalTraining(1, 0, 2, LocalOptimizer.SGD, 0.5, 7), GradientAdjustment.NONE, RunControl.free());
        // p = sigmoid(-0.25) = 0.4378235, sigmoid(-0.15) = 0.4625702; g = ((p1-1) - p2, 2(p1-1) + 0.5 p2, p1-1+p2) / 2
        double p1 = 0.43782349911420193;
        double p2 = 0.46257015465625045;
        double[] g = {((p1 - 1) - p2) / 2, (2 * (p1 - 1) + 0.5 * p2) / 2, ((p1 - 1) + p2) / 2};
        assertThat(out.params().get(0)).isCloseTo((float) (0.1 - 0.5 * g[0]), within(1e-7f));
        assertThat(out.params().get(1)).isCloseTo((float) (-0.2 - 0.5 * g[1]), within(1e-7f));
        assertThat(out.params().get(2)).isCloseTo((float) (0.05 - 0.5 * g[2]), within(1e-7f));
        // loss = -(log p1 + log(1 - p2)) / 2
        assertThat(out.meanLoss()).isCloseTo(-(Math.log(p1) + Math.log(1 - p2)) / 2, within(1e-8)); // inputs are floats
    }

    @Test
    void adamFirstStepIsTheLearningRateTimesTheSignOfTheGradient() {
        // bias-corrected m and v after one step are g and g^2, so the step is lr * g / (|g| + 1e-8)
        float[][] x = {{1f, 2f}, {-1f, 0.5f}};
        ExampleSet data = ExampleSet.classification(new int[] {2}, x, new int[] {1, 0}, 2);
        DenseTrainer trainer = new DenseTrainer(ModelSpec.logistic(2, 2), data, data);
        ModelVector start = ModelVector.of(new float[] {0.1f, -0.2f, 0.05f});
        ModelVector g = trainer.gradient(start, 0, 0);
        var out = trainer.train(start, new LocalTraining(1, 0, 2, LocalOptimizer.ADAM, 0.01, 7), GradientAdjustment.NONE,
                RunControl.free());
        for (int i = 0; i < 3; i++) {
            assertThat(out.params().get(i)).isCloseTo(start.get(i) - 0.01f * Math.signum(g.get(i)), within(1e-7f));
        }
    }

    @Test
    void givesTheSameStepsAsDl4jForAnMlpBinaryAndMultiClass() {
        for (int classes : new int[] {2, 3}) {
            ExampleSet data = random(30, 4, classes, 5);
            ModelSpec spec = ModelSpec.mlp(4, classes, 6, 5);
            ModelVector init = spec.initialParameters(11);
            LocalTraining plan = new LocalTraining(12, 0, 4, LocalOptimizer.SGD, 0.1, 3);

            ModelVector ours = new DenseTrainer(spec, data, data).train(init, plan, GradientAdjustment.NONE,
                    RunControl.free()).params();
            ModelVector dl4j = new Dl4jTrainer(spec, data, data).train(init, plan, GradientAdjustment.NONE,
                    RunControl.free()).params();

            assertThat(ours.size()).isEqualTo(dl4j.size());
            for (int i = 0; i < ours.size(); i++) {
                assertThat(ours.get(i)).as("classes " + classes + ", parameter " + i).isCloseTo(dl4j.get(i), within(2e-5f));
            }
            float[][] p1 = new DenseTrainer(spec, data, data).predict(ours, data);
            float[][] p2 = new Dl4jTrainer(spec, data, data).predict(ours, data);
            for (int e = 0; e < data.size(); e++) {
                for (int c = 0; c < p1[e].length; c++) {
                    assertThat(p1[e][c]).isCloseTo(p2[e][c], within(1e-5f));
                }
            }
        }
    }

    @Test
    void fullBatchGradientMatchesDl4j() {
        ExampleSet data = random(25, 3, 2, 9);
        ModelSpec spec = ModelSpec.mlp(3, 2, 4);
        ModelVector at = spec.initialParameters(2);
        ModelVector ours = new DenseTrainer(spec, data, data).gradient(at, 0, 0);
        ModelVector dl4j = new Dl4jTrainer(spec, data, data).gradient(at, 0, 0);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i)).isCloseTo(dl4j.get(i), within(1e-6f));
        }
    }

    @Test
    void aStrategysAdjustmentReachesEveryStep() {
        ExampleSet data = random(20, 3, 2, 1);
        ModelSpec spec = ModelSpec.logistic(3, 2);
        ModelVector init = spec.initialParameters(4);
        LocalTraining plan = new LocalTraining(5, 0, 4, LocalOptimizer.SGD, 0.1, 8);
        int[] calls = {0};
        GradientAdjustment counting = (params, gradient) -> calls[0]++;
        ModelVector adjusted = new DenseTrainer(spec, data, data).train(init, plan, counting, RunControl.free()).params();
        ModelVector plain = new DenseTrainer(spec, data, data).train(init, plan, GradientAdjustment.NONE,
                RunControl.free()).params();
        assertThat(calls[0]).isEqualTo(5);
        assertThat(adjusted).isEqualTo(plain);
        var e = new DenseTrainer(spec, data, data).evaluate(plain, DataSplit.TEST);
        assertThat(e.examples()).isEqualTo(20);
        assertThat(e.metrics()).containsKeys("accuracy", "loss", "auc", "balanced_accuracy");
    }

    @Test
    void dpSgdHandsThePrivatiserEachSampledExamplesOwnGradientAndStepsAlongItsAnswer() {
        ExampleSet data = random(40, 3, 2, 6);
        ModelSpec spec = ModelSpec.logistic(3, 2);
        ModelVector init = spec.initialParameters(1);
        DenseTrainer trainer = new DenseTrainer(spec, data, data);
        java.util.List<Integer> batchSizes = new java.util.ArrayList<>();
        double[] constant = {0.5, -0.25, 0.125, 1.0};
        org.medfed.engine.SampleLevelPrivacy privacy = describedAsNothing((trainSize, plan) -> new org.medfed.engine.SampleLevelPrivacy.Privatizer() {
            public double samplingRate() {
                return 0.25;
            }

            public float[] privatize(float[][] perExample, int dimension, long stepSeed) {
                batchSizes.add(perExample.length);
                for (float[] g : perExample) {
                    // each row is one example's own gradient: for logistic regression its bias part is p - y
                    assertThat(Math.abs(g[3])).isLessThan(1f);
                }
                float[] out = new float[dimension];
                for (int i = 0; i < dimension; i++) {
                    out[i] = (float) constant[i];
                }
                return out;
            }
        });
        LocalTraining plan = new LocalTraining(50, 0, 10, LocalOptimizer.SGD, 0.1, 2).withSampleLevelPrivacy(privacy);
        ModelVector out = trainer.train(init, plan, GradientAdjustment.NONE, RunControl.free()).params();
        // every step moved by lr * the privatiser's answer, whatever the batch
        for (int i = 0; i < 4; i++) {
            assertThat(out.get(i)).isCloseTo((float) (init.get(i) - 50 * 0.1 * constant[i]), within(1e-5f));
        }
        // Poisson sampling with rate 1/4 of 40 examples: about 10 per batch, varying
        assertThat(batchSizes).hasSize(50);
        double mean = batchSizes.stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(mean).isBetween(8.0, 12.0);
        assertThat(batchSizes.stream().distinct().count()).isGreaterThan(3);
    }

    /** A test privatiser used directly by the trainer, never sent to a hospital. */
    private static org.medfed.engine.SampleLevelPrivacy describedAsNothing(
            java.util.function.BiFunction<Integer, LocalTraining, org.medfed.engine.SampleLevelPrivacy.Privatizer> f) {
        return new org.medfed.engine.SampleLevelPrivacy() {
            @Override
            public Privatizer forParticipant(int trainSize, LocalTraining plan) {
                return f.apply(trainSize, plan);
            }

            @Override
            public org.medfed.engine.protocol.Params describe() {
                return org.medfed.engine.protocol.Params.EMPTY;
            }
        };
    }
}
