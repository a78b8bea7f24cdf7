package org.medfed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.medfed.data.ExampleSet;
import org.medfed.engine.DataSplit;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.engine.TrainingOutcome;
import org.junit.jupiter.api.Test;

class Dl4jTrainerTest {

    // two examples, two features; DL4J's parameter layout for a 2 -> 1 layer is [w0, w1, b]
    private static final float[][] X = {{1f, 2f}, {-1f, 0.5f}};
    private static final int[] Y = {1, 0};
    private static final ExampleSet DATA = ExampleSet.classification(new int[] {2}, X, Y, 2);
    private static final ModelVector START = ModelVector.of(new float[] {0.1f, -0.2f, 0.05f});

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Gradient of the mean binary cross-entropy of logistic regression, worked out by formula. */
    private static double[] logisticGradient(double[] p) {
        double[] g = new double[3];
        for (int i = 0; i < X.length; i++) {
            double prob = sigmoid(p[0] * X[i][0] + p[1] * X[i][1] + p[2]);
            double r = prob - Y[i];
            g[0] += r * X[i][0] / X.length;
            g[1] += r * X[i][1] / X.length;
            g[2] += r / X.length;
        }
        return g;
    }

    @Test
    void oneSgdStepOfLogisticRegressionMatchesTheFormula() {
        Dl4jTrainer trainer = new Dl4jTrainer(ModelSpec.logistic(2, 2), DATA, DATA);
        LocalTraining plan = new LocalTraining(1, 0, 2, LocalOptimizer.SGD, 0.5, 7);

        TrainingOutcome out = trainer.train(START, plan, GradientAdjustment.NONE, RunControl.free());

        double[] g = logisticGradient(new double[] {0.1, -0.2, 0.05});
        // g by hand: z = (-0.25, -0.15), p = (0.43782, 0.46257); g = ((p1-1) - p2, 2(p1-1) + 0.5 p2, (p1-1) + p2) / 2
        assertThat(g[0]).isCloseTo(((0.4378235 - 1) - 0.4625702) / 2, within(1e-6));
        assertThat(out.params().get(0)).isCloseTo((float) (0.1 - 0.5 * g[0]), within(1e-6f));
        assertThat(out.params().get(1)).isCloseTo((float) (-0.2 - 0.5 * g[1]), within(1e-6f));
        assertThat(out.params().get(2)).isCloseTo((float) (0.05 - 0.5 * g[2]), within(1e-6f));
        assertThat(out.steps()).isEqualTo(1);
    }

    @Test
    void gradientIsTheMeanGradientOfTheLoss() {
        Dl4jTrainer trainer = new Dl4jTrainer(ModelSpec.logistic(2, 2), DATA, DATA);
        ModelVector g = trainer.gradient(START, 0, 1);
        double[] expected = logisticGradient(new double[] {0.1, -0.2, 0.05});
        for (int i = 0; i < 3; i++) {
            assertThat(g.get(i)).isCloseTo((float) expected[i], within(1e-6f));
        }
    }

    @Test
    void gradientAdjustmentIsAppliedToTheMeanGradientBeforeTheStep() {
        Dl4jTrainer trainer = new Dl4jTrainer(ModelSpec.logistic(2, 2), DATA, DATA);
        LocalTraining plan = new LocalTraining(1, 0, 2, LocalOptimizer.SGD, 0.5, 7);
        float[] anchor = {1f, 1f, 1f};
        double mu = 0.3;
        GradientAdjustment proximal = (params, gradient) -> {
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] += (float) (mu * (params[i] - anchor[i]));
            }
        };

        TrainingOutcome out = trainer.train(START, plan, proximal, RunControl.free());

        double[] p = {0.1, -0.2, 0.05};
        double[] g = logisticGradient(p);
        for (int i = 0; i < 3; i++) {
            double expected = p[i] - 0.5 * (g[i] + mu * (p[i] - anchor[i]));
            assertThat(out.params().get(i)).isCloseTo((float) expected, within(1e-6f));
        }
    }

    @Test
    void theSameSeedGivesBitIdenticalTrainingAndAnotherSeedAnotherOrder() {
        float[][] x = new float[40][];
        int[] y = new int[40];
        for (int i = 0; i < 40; i++) {
            x[i] = new float[] {i / 40f, (i % 7) / 7f, (i % 3) - 1f};
            y[i] = (i % 7) > 3 ? 1 : 0;
        }
        ExampleSet set = ExampleSet.classification(new int[] {3}, x, y, 2);
        ModelSpec spec = ModelSpec.mlp(3, 2, 5);
        ModelVector init = spec.initialParameters(42);
        LocalTraining plan = new LocalTraining(25, 0, 4, LocalOptimizer.ADAM, 0.01, 99);

        ModelVector a = new Dl4jTrainer(spec, set, set).train(init, plan, GradientAdjustment.NONE, RunControl.free()).params();
        ModelVector b = new Dl4jTrainer(spec, set, set).train(init, plan, GradientAdjustment.NONE, RunControl.free()).params();
        Dl4jTrainer reused = new Dl4jTrainer(spec, set, set);
        reused.train(init, plan.withSeed(5), GradientAdjustment.NONE, RunControl.free());
        ModelVector c = reused.train(init, plan, GradientAdjustment.NONE, RunControl.free()).params();
        ModelVector other = new Dl4jTrainer(spec, set, set).train(init, plan.withSeed(100), GradientAdjustment.NONE,
                RunControl.free()).params();

        assertThat(a).isEqualTo(b);
        assertThat(c).as("a fresh optimiser state each call: earlier training must not leak in").isEqualTo(a);
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void initialParametersAreSeededAndBoundedByFanIn() {
        ModelSpec spec = ModelSpec.mlp(16, 3, 8);
        ModelVector p = spec.initialParameters(1);
        assertThat(p.size()).isEqualTo(16 * 8 + 8 + 8 * 3 + 3);
        assertThat(spec.initialParameters(1)).isEqualTo(p);
        assertThat(spec.initialParameters(2)).isNotEqualTo(p);
        for (int i = 0; i < 16 * 8 + 8; i++) {
            assertThat(Math.abs(p.get(i))).isLessThanOrEqualTo(0.25f);
        }
        for (int i = 16 * 8 + 8; i < p.size(); i++) {
            assertThat(Math.abs(p.get(i))).isLessThanOrEqualTo((float) (1 / Math.sqrt(8)));
        }
    }

    @Test
    void evaluationOfAPerfectModelHasAccuracyOne() {
        // w = (10, 10), b = -5: x1 -> z = 25 (class 1), x2 -> z = -10 (class 0)
        Dl4jTrainer trainer = new Dl4jTrainer(ModelSpec.logistic(2, 2), DATA, DATA);
        var e = trainer.evaluate(ModelVector.of(new float[] {10f, 10f, -5f}), DataSplit.TEST);
        assertThat(e.metric("accuracy")).isEqualTo(1.0);
        assertThat(e.metric("auc")).isEqualTo(1.0);
        assertThat(e.metric("loss")).isCloseTo(-(Math.log(sigmoid(25)) + Math.log(1 - sigmoid(-10))) / 2, within(1e-5));
    }
}
