package org.medfed.model;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.medfed.data.ExampleSet;
import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.engine.TrainingOutcome;
import org.medfed.metrics.SegmentationMetrics;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A participant's U-Net on its own images and masks, trained with a DL4J ComputationGraph. As in
 * {@link Dl4jTrainer}, batches come from our seeded shuffle and every call starts a fresh optimiser.
 *
 * <p>The loss is the binary cross-entropy averaged over every pixel of every image of the batch (PyTorch's
 * {@code BCEWithLogitsLoss} default). DL4J's loss layer sums over pixels and images and its updater divides
 * by the number of images only, so the gradient is rescaled by 1 / pixels before the step: the learning rate
 * then means the same whatever the image size, and a strategy's gradient adjustment sees the gradient of the
 * mean loss, as its contract says.
 *
 * <p>Lesions are a few pixels in a thousand, and an unweighted loss is minimised early by predicting no lesion
 * anywhere (the phantom U-Net stayed there for ten rounds). So each foreground pixel's loss is weighted
 * ({@link WeightedBinaryCrossEntropy}): by default sqrt(background / foreground pixels) of the hospital's training
 * masks, at least 1 and at most 50, a common compromise between no weighting and full inverse-frequency
 * weighting. {@link #foregroundWeight()} tells the weight. Evaluation's {@code loss} is always the unweighted
 * mean; the loss {@link #train} reports is the weighted one.
 */
public final class SegmentationTrainer extends ExampleSetTrainer {

    private static final int PREDICT_CHUNK = 64;

    private final Map<String, ComputationGraph> graphs = new HashMap<>();
    private final MeanLossListener listener = new MeanLossListener();
    private final double foregroundWeight;

    /** A trainer with the default foreground weight of {@code train}'s masks. */
    public SegmentationTrainer(ModelSpec spec, ExampleSet train, ExampleSet test) {
        this(spec, train, test, defaultForegroundWeight(train));
    }

    /** @param foregroundWeight weight of a foreground pixel's loss (background pixels weigh 1) */
    public SegmentationTrainer(ModelSpec spec, ExampleSet train, ExampleSet test, double foregroundWeight) {
        super(spec, train, test, "images", "values");
        if (spec.kind() != ModelKind.UNET) {
            throw new IllegalArgumentException("a segmentation trainer needs a U-Net, got " + spec);
        }
        for (ExampleSet set : new ExampleSet[] {train, test}) {
            if (set.size() > 0 && set.masks() == null) {
                throw new IllegalArgumentException("segmentation needs a mask for every image");
            }
        }
        if (!(foregroundWeight > 0) || Double.isInfinite(foregroundWeight)) {
            throw new IllegalArgumentException("the foreground weight must be positive, was " + foregroundWeight);
        }
        this.foregroundWeight = foregroundWeight;
    }

    /** sqrt(background / foreground) over the masks, within [1, 50]; 1 when a set has no foreground. */
    public static double defaultForegroundWeight(ExampleSet set) {
        long fg = 0;
        long all = 0;
        if (set.masks() != null) {
            for (float[] m : set.masks()) {
                for (float v : m) {
                    fg += v >= 0.5f ? 1 : 0;
                }
                all += m.length;
            }
        }
        return fg == 0 ? 1.0 : Math.min(50.0, Math.max(1.0, Math.sqrt((double) (all - fg) / fg)));
    }

    public double foregroundWeight() {
        return foregroundWeight;
    }


    /** Keeps this trainer's foreground weight, so that a fold trains with the same loss. */
    @Override
    public ModelTrainer over(ExampleSet train, ExampleSet test) {
        return new SegmentationTrainer(spec, train, test, foregroundWeight);
    }

    private int pixels() {
        return spec.inputShape()[1] * spec.inputShape()[2];
    }

    @Override
    public TrainingOutcome train(ModelVector start, LocalTraining plan, GradientAdjustment adjustment,
                                 RunControl control) {
        return FitLoop.run(train, plan, control, () -> {
            if (plan.sampleLevelPrivacy() != null) {
                // refused rather than ignored: a hospital whose policy requires DP must not be told it has it
                throw new org.medfed.engine.BadInputException("DP-SGD inside local training is available for "
                        + ModelKind.DP_SGD_MODELS + ", not for the U-Net");
            }
            ComputationGraph graph = graph(plan.optimizer(), plan.learningRate());
            graph.setParams(Dl4jTrainer.toRow(start));
            resetOptimizer(graph);
            listener.adjustment = adjustment;
            return FitLoop.session(rows -> {
                graph.fit(batch(rows));
                // DL4J's score is the loss summed over pixels, per image
                return graph.score() / pixels();
            }, () -> ModelVector.wrap(graph.params().toFloatVector()), () -> listener.adjustment = GradientAdjustment.NONE);
        });
    }

    @Override
    public ModelVector gradient(ModelVector at, int batchSize, long seed) {
        ComputationGraph graph = graph(LocalOptimizer.SGD, 1.0);
        graph.setParams(Dl4jTrainer.toRow(at));
        int[] rows = BatchOrder.gradientRows(train.size(), batchSize, seed);
        DataSet data = batch(rows);
        graph.setInput(0, data.getFeatures());
        graph.setLabel(0, data.getLabels());
        graph.computeGradientAndScore();
        float[] g = graph.gradient().gradient().toFloatVector();
        double scale = 1.0 / ((double) rows.length * pixels());
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) (g[i] * scale);
        }
        graph.clear();
        return ModelVector.wrap(g);
    }

    @Override
    public Evaluation evaluate(ModelVector params, DataSplit split) {
        return evaluate(params, split == DataSplit.TRAIN ? train : test);
    }

    /** Dice, IoU, pixel accuracy and loss of {@code params} on any set of images with masks. */
    @Override
    public Evaluation evaluate(ModelVector params, ExampleSet set) {
        if (set.size() > 0 && set.masks() == null) {
            throw new IllegalArgumentException("segmentation is evaluated against masks, and this set has none");
        }
        return new Evaluation(set.size(), SegmentationMetrics.compute(set.masks() == null ? new float[0][] : set.masks(),
                predict(params, set)));
    }

    /** Foreground probability of every pixel (row-major, height x width) of every image of {@code set}. */
    @Override
    public float[][] predict(ModelVector params, ExampleSet set) {
        ComputationGraph graph = graph(LocalOptimizer.SGD, 1.0);
        graph.setParams(Dl4jTrainer.toRow(params));
        return probabilities(graph, spec.inputShape(), set.inputs());
    }

    /** Per-pixel probabilities of a U-Net, in chunks so that large sets do not need one huge array. */
    static float[][] probabilities(ComputationGraph graph, int[] shape, float[][] inputs) {
        int width = shape[0] * shape[1] * shape[2];
        int pixels = shape[1] * shape[2];
        float[][] out = new float[inputs.length][];
        for (int start = 0; start < inputs.length; start += PREDICT_CHUNK) {
            int end = Math.min(inputs.length, start + PREDICT_CHUNK);
            float[] x = new float[(end - start) * width];
            for (int i = start; i < end; i++) {
                System.arraycopy(inputs[i], 0, x, (i - start) * width, width);
            }
            INDArray input = Nd4j.create(x, new long[] {end - start, shape[0], shape[1], shape[2]}, 'c');
            INDArray output = graph.outputSingle(false, input);
            float[] flat = output.reshape('c', new long[] {output.length()}).toFloatVector();
            for (int i = start; i < end; i++) {
                float[] p = new float[pixels];
                System.arraycopy(flat, (i - start) * pixels, p, 0, pixels);
                out[i] = p;
            }
        }
        return out;
    }

    private DataSet batch(int[] rows) {
        int[] shape = spec.inputShape();
        int width = spec.inputSize();
        int pixels = pixels();
        float[] x = new float[rows.length * width];
        float[] y = new float[rows.length * pixels];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(train.inputs()[rows[i]], 0, x, i * width, width);
            System.arraycopy(train.masks()[rows[i]], 0, y, i * pixels, pixels);
        }
        return new DataSet(Nd4j.create(x, new long[] {rows.length, shape[0], shape[1], shape[2]}, 'c'),
                Nd4j.create(y, new long[] {rows.length, 1, shape[1], shape[2]}, 'c'));
    }

    private ComputationGraph graph(LocalOptimizer optimizer, double learningRate) {
        ComputeThreads.apply(spec); // every computation starts by fetching its graph
        return graphs.computeIfAbsent(optimizer + "@" + learningRate, k -> {
            ComputationGraph g = NetworkFactory.buildGraph(spec, optimizer, learningRate, foregroundWeight);
            g.setListeners(listener);
            return g;
        });
    }

    private static void resetOptimizer(ComputationGraph graph) {
        graph.getConfiguration().setIterationCount(0);
        graph.getConfiguration().setEpochCount(0);
        INDArray state = graph.getUpdater().getStateViewArray();
        if (state != null) {
            state.assign(0);
        }
    }

    /**
     * Between DL4J's backward pass and its optimiser step: turns the gradient of the per-image pixel sum into
     * that of the per-pixel mean, and applies the strategy's adjustment to it.
     */
    private final class MeanLossListener extends BaseTrainingListener {
        private GradientAdjustment adjustment = GradientAdjustment.NONE;

        @Override
        public void onGradientCalculation(Model model) {
            ComputationGraph graph = (ComputationGraph) model;
            INDArray view = graph.gradient().gradient();
            int batch = (int) graph.getInput(0).size(0);
            if (adjustment.isNone()) {
                view.divi(pixels());
                return;
            }
            // DL4J holds the sum over images here; its updater divides by the batch size afterwards
            float[] g = view.toFloatVector();
            double toMean = 1.0 / ((double) batch * pixels());
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) (g[i] * toMean);
            }
            adjustment.adjust(graph.params().toFloatVector(), g);
            for (int i = 0; i < g.length; i++) {
                g[i] *= batch;
            }
            view.assign(Nd4j.create(g, view.shape(), view.ordering()));
        }
    }
}
