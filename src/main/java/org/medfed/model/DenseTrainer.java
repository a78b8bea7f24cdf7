package org.medfed.model;

import org.medfed.data.ExampleSet;
import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.engine.SampleLevelPrivacy;
import org.medfed.engine.Seeds;
import org.medfed.engine.TrainingOutcome;
import org.medfed.metrics.ClassificationMetrics;

/**
 * A participant's logistic regression or MLP on its own data, trained by {@link DenseNetwork}. Batches come
 * from a seeded shuffle and each call starts a fresh optimiser, so a round depends only on (global model,
 * data, seed). Arithmetic is in double; the parameters travel as float.
 */
public final class DenseTrainer extends ExampleSetTrainer {

    private final DenseNetwork network;

    public DenseTrainer(ModelSpec spec, ExampleSet train, ExampleSet test) {
        super(spec, train, test, "examples", "features");
        this.network = new DenseNetwork(spec);
    }

    @Override
    public TrainingOutcome train(ModelVector start, LocalTraining plan, GradientAdjustment adjustment,
                                 RunControl control) {
        return FitLoop.run(train, plan, control, () -> new Session(start, plan, adjustment));
    }

    /** One call's training in double precision: a fresh optimiser, and under DP-SGD Poisson-sampled batches. */
    private final class Session implements FitLoop.Session {
        private final LocalTraining plan;
        private final GradientAdjustment adjustment;
        private final double[] params;
        private final double[] gradient;
        private final float[] paramsView;
        private final float[] gradientView;
        private final LocalOptimizerState optimizer;
        private final SampleLevelPrivacy.Privatizer privatizer;

        Session(ModelVector start, LocalTraining plan, GradientAdjustment adjustment) {
            this.plan = plan;
            this.adjustment = adjustment;
            params = toDoubles(start);
            gradient = new double[params.length];
            paramsView = adjustment.isNone() ? null : new float[params.length];
            gradientView = adjustment.isNone() ? null : new float[params.length];
            optimizer = new LocalOptimizerState(plan.optimizer(), plan.learningRate(), params.length);
            privatizer = plan.sampleLevelPrivacy() == null ? null
                    : plan.sampleLevelPrivacy().forParticipant(train.size(), plan);
        }

        @Override
        public BatchOrder batches(int size, LocalTraining plan) {
            return privatizer == null ? FitLoop.Session.super.batches(size, plan)
                    : BatchOrder.poisson(size, privatizer.samplingRate(), plan.seed());
        }

        @Override
        public double step(int step, int[] batch) {
            double loss;
            if (privatizer != null) {
                loss = privateGradient(params, batch, privatizer, Seeds.derive(plan.seed(), "dp-sgd", step), gradient);
            } else {
                loss = network.lossAndGradient(params, train.inputs(), train.labels(), batch, gradient);
            }
            if (!adjustment.isNone()) {
                for (int i = 0; i < params.length; i++) {
                    paramsView[i] = (float) params[i];
                    gradientView[i] = (float) gradient[i];
                }
                adjustment.adjust(paramsView, gradientView);
                // add only what the adjustment changed, so the gradient keeps its double precision
                for (int i = 0; i < params.length; i++) {
                    gradient[i] += gradientView[i] - (float) gradient[i];
                }
            }
            optimizer.apply(params, gradient);
            return loss;
        }

        @Override
        public ModelVector trained() {
            return toVector(params);
        }
    }

    /** DP-SGD: per-example gradients of the sampled batch, clipped and noised by the privatiser. */
    private double privateGradient(double[] params, int[] batch, SampleLevelPrivacy.Privatizer privatizer, long stepSeed,
                                   double[] gradient) {
        float[][] perExample = new float[batch.length][params.length];
        double loss = network.perExampleGradients(params, train.inputs(), train.labels(), batch, perExample);
        float[] noised = privatizer.privatize(perExample, params.length, stepSeed);
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = noised[i];
        }
        return batch.length == 0 ? 0 : loss / batch.length;
    }

    @Override
    public ModelVector gradient(ModelVector at, int batchSize, long seed) {
        int[] rows = BatchOrder.gradientRows(train.size(), batchSize, seed);
        double[] gradient = new double[network.parameterCount()];
        network.lossAndGradient(toDoubles(at), train.inputs(), train.labels(), rows, gradient);
        return toVector(gradient);
    }

    @Override
    public Evaluation evaluate(ModelVector params, DataSplit split) {
        return evaluate(params, split == DataSplit.TRAIN ? train : test);
    }

    /** Metrics of {@code params} on any example set of the same shape (another hospital's test rows). */
    @Override
    public Evaluation evaluate(ModelVector params, ExampleSet set) {
        return new Evaluation(set.size(), ClassificationMetrics.compute(set.labels(), predict(params, set), set.classCount()));
    }

    /** Class probabilities (one value for binary models) of every example of {@code set}. */
    @Override
    public float[][] predict(ModelVector params, ExampleSet set) {
        double[] p = toDoubles(params);
        float[][] out = new float[set.size()][];
        int chunk = 256;
        for (int start = 0; start < set.size(); start += chunk) {
            int end = Math.min(set.size(), start + chunk);
            int[] rows = new int[end - start];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = start + i;
            }
            double[][] probabilities = network.forward(p, set.inputs(), rows);
            for (int i = 0; i < rows.length; i++) {
                double[] row = probabilities[i];
                float[] f = new float[row.length];
                for (int c = 0; c < row.length; c++) {
                    f[c] = (float) row[c];
                }
                out[start + i] = f;
            }
        }
        return out;
    }

    private static double[] toDoubles(ModelVector v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    private static ModelVector toVector(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return ModelVector.wrap(out);
    }
}
