package org.medfed.testsupport;

import java.util.Arrays;
import java.util.Map;
import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.engine.TrainingOutcome;

/**
 * A participant whose loss is 0.5 ||w - target||^2: its gradient is w - target, so every strategy's result can
 * be worked out by hand. Plain gradient descent whatever the optimiser asked for.
 */
public class QuadraticTrainer implements LocalTrainer {

    private final float[] target;
    private final int trainSize;
    private final int testSize;

    public QuadraticTrainer(int trainSize, float... target) {
        this(trainSize, trainSize, target);
    }

    public QuadraticTrainer(int trainSize, int testSize, float... target) {
        this.target = target.clone();
        this.trainSize = trainSize;
        this.testSize = testSize;
    }

    @Override
    public int trainSize() {
        return trainSize;
    }

    @Override
    public int testSize() {
        return testSize;
    }

    @Override
    public int parameterCount() {
        return target.length;
    }

    @Override
    public TrainingOutcome train(ModelVector start, LocalTraining plan, GradientAdjustment adjustment,
                                 RunControl control) {
        float[] w = start.toArray();
        int steps = plan.stepsFor(trainSize);
        double lossSum = 0;
        for (int s = 0; s < steps; s++) {
            control.checkpoint();
            lossSum += loss(w);
            float[] g = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                g[i] = w[i] - target[i];
            }
            adjustment.adjust(w.clone(), g);
            for (int i = 0; i < w.length; i++) {
                w[i] -= (float) (plan.learningRate() * g[i]);
            }
        }
        return new TrainingOutcome(ModelVector.wrap(w), steps, lossSum / steps);
    }

    @Override
    public ModelVector gradient(ModelVector at, int batchSize, long seed) {
        float[] g = at.toArray();
        for (int i = 0; i < g.length; i++) {
            g[i] -= target[i];
        }
        return ModelVector.wrap(g);
    }

    @Override
    public Evaluation evaluate(ModelVector params, DataSplit split) {
        double loss = loss(params.toArray());
        return new Evaluation(split == DataSplit.TRAIN ? trainSize : testSize,
                Map.of("loss", loss, "accuracy", 1 / (1 + loss)));
    }

    /** The same target over fewer training rows: the folds' sizes as {@code Folds} deals them. */
    @Override
    public LocalTrainer fold(int folds, int index, long seed) {
        int heldOut = trainSize / folds + (index < trainSize % folds ? 1 : 0);
        return new QuadraticTrainer(trainSize - heldOut, heldOut, target);
    }

    private double loss(float[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double d = w[i] - target[i];
            s += d * d;
        }
        return s / 2;
    }

    @Override
    public String toString() {
        return "QuadraticTrainer" + Arrays.toString(target);
    }
}
