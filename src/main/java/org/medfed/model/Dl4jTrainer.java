package org.medfed.model;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.medfed.data.ExampleSet;
import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.engine.TrainingOutcome;
import org.medfed.metrics.ClassificationMetrics;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A participant's model on its own data, trained with DL4J. Batches are drawn by our own seeded shuffle, and
 * every round starts with a fresh optimiser state, so that a round depends only on (global model, data, seed).
 */
public final class Dl4jTrainer extends ExampleSetTrainer {

    private final Map<String, MultiLayerNetwork> networks = new HashMap<>();
    private final AdjustingListener adjuster = new AdjustingListener();

    public Dl4jTrainer(ModelSpec spec, ExampleSet train, ExampleSet test) {
        super(spec, train, test, "examples", "features");
    }

    @Override
    public TrainingOutcome train(ModelVector start, LocalTraining plan, GradientAdjustment adjustment,
                                 RunControl control) {
        return FitLoop.run(train, plan, control, () -> {
            if (plan.sampleLevelPrivacy() != null) {
                throw new org.medfed.engine.BadInputException("DP-SGD inside local training is available for "
                        + ModelKind.DP_SGD_MODELS);
            }
            MultiLayerNetwork net = network(plan.optimizer(), plan.learningRate());
            net.setParams(toRow(start));
            resetOptimizer(net);
            adjuster.adjustment = adjustment;
            return FitLoop.session(rows -> {
                net.fit(batch(train, rows));
                return net.score();
            }, () -> ModelVector.wrap(net.params().toFloatVector()), () -> adjuster.adjustment = GradientAdjustment.NONE);
        });
    }

    @Override
    public ModelVector gradient(ModelVector at, int batchSize, long seed) {
        MultiLayerNetwork net = network(LocalOptimizer.SGD, 1.0);
        net.setParams(toRow(at));
        int[] rows = BatchOrder.gradientRows(train.size(), batchSize, seed);
        DataSet data = batch(train, rows);
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        // DL4J's raw gradient is summed over the batch; the updater divides it later
        float[] g = net.getGradientsViewArray().toFloatVector();
        for (int i = 0; i < g.length; i++) {
            g[i] /= rows.length;
        }
        net.clear();
        return ModelVector.wrap(g);
    }

    @Override
    public Evaluation evaluate(ModelVector params, DataSplit split) {
        return evaluate(params, split == DataSplit.TRAIN ? train : test);
    }

    /** Metrics of {@code params} on any example set of the same shape (another hospital's test rows). */
    @Override
    public Evaluation evaluate(ModelVector params, ExampleSet set) {
        float[][] probabilities = predict(params, set);
        return new Evaluation(set.size(), ClassificationMetrics.compute(set.labels(), probabilities, set.classCount()));
    }

    /** Class probabilities of every example of {@code set} under {@code params}. */
    @Override
    public float[][] predict(ModelVector params, ExampleSet set) {
        MultiLayerNetwork net = network(LocalOptimizer.SGD, 1.0);
        net.setParams(toRow(params));
        return Predictor.probabilities(net, set.inputs(), spec.inputSize());
    }

    private MultiLayerNetwork network(LocalOptimizer optimizer, double learningRate) {
        ComputeThreads.apply(spec); // every computation starts by fetching its network
        String key = optimizer + "@" + learningRate;
        return networks.computeIfAbsent(key, k -> {
            MultiLayerNetwork net = NetworkFactory.build(spec, optimizer, learningRate);
            net.setListeners(adjuster);
            return net;
        });
    }

    private static void resetOptimizer(MultiLayerNetwork net) {
        net.setIterationCount(0);
        net.setEpochCount(0);
        MultiLayerUpdater updater = (MultiLayerUpdater) net.getUpdater();
        INDArray state = updater.getStateViewArray();
        if (state != null) {
            state.assign(0);
        }
    }

    static INDArray toRow(ModelVector v) {
        return Nd4j.create(v.toArray(), new long[] {1, v.size()}, 'c');
    }

    static DataSet batch(ExampleSet set, int[] rows) {
        int width = set.inputLength();
        float[] x = new float[rows.length * width];
        int outputs = set.classCount() == 2 ? 1 : set.classCount();
        float[] y = new float[rows.length * outputs];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(set.inputs()[rows[i]], 0, x, i * width, width);
            int label = set.labels()[rows[i]];
            if (outputs == 1) {
                y[i] = label;
            } else {
                y[i * outputs + label] = 1f;
            }
        }
        return new DataSet(Nd4j.create(x, new long[] {rows.length, width}, 'c'),
                Nd4j.create(y, new long[] {rows.length, outputs}, 'c'));
    }

    /**
     * Applies the strategy's gradient adjustment between DL4J's backward pass and its optimiser step. DL4J holds
     * the gradient summed over the batch at that point, so the adjustment of the mean gradient is scaled back.
     */
    private static final class AdjustingListener extends BaseTrainingListener {
        private GradientAdjustment adjustment = GradientAdjustment.NONE;

        @Override
        public void onGradientCalculation(Model model) {
            if (adjustment.isNone()) {
                return;
            }
            MultiLayerNetwork net = (MultiLayerNetwork) model;
            INDArray gradientView = net.getGradientsViewArray();
            int batchSize = (int) net.getInput().size(0);
            float[] g = gradientView.toFloatVector();
            for (int i = 0; i < g.length; i++) {
                g[i] /= batchSize;
            }
            adjustment.adjust(net.params().toFloatVector(), g);
            for (int i = 0; i < g.length; i++) {
                g[i] *= batchSize;
            }
            gradientView.assign(Nd4j.create(g, gradientView.shape(), gradientView.ordering()));
        }
    }
}
