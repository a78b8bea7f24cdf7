package org.medfed.model;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.ModelVector;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Builds DL4J networks for a {@link ModelSpec} and their seeded initial parameters. */
public final class NetworkFactory {

    private NetworkFactory() {
    }

    /**
     * A fresh network with the given local optimiser; its parameters are to be set by the caller. Logistic
     * regression, MLPs and the CNN are DL4J MultiLayerNetworks; the U-Net is a graph ({@link #buildGraph}).
     */
    public static MultiLayerNetwork build(ModelSpec spec, LocalOptimizer optimizer, double learningRate) {
        if (spec.kind() == ModelKind.CNN) {
            return ImageNetworks.cnn(spec, optimizer, learningRate);
        }
        if (spec.kind() == ModelKind.UNET) {
            throw new IllegalArgumentException("a U-Net is a ComputationGraph: use buildGraph");
        }
        int[] widths = spec.layerWidths();
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .seed(0)
                .weightInit(WeightInit.ZERO)
                .updater(updater(optimizer, learningRate))
                .list();
        for (int i = 1; i < widths.length - 1; i++) {
            layers.layer(new DenseLayer.Builder().nIn(widths[i - 1]).nOut(widths[i]).activation(Activation.RELU).build());
        }
        boolean binary = spec.classCount() == 2;
        layers.layer(new OutputLayer.Builder(binary ? LossFunctions.LossFunction.XENT : LossFunctions.LossFunction.MCXENT)
                .nIn(widths[widths.length - 2]).nOut(widths[widths.length - 1])
                .activation(binary ? Activation.SIGMOID : Activation.SOFTMAX).build());
        MultiLayerConfiguration conf = layers.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The U-Net as a DL4J ComputationGraph; its parameters are to be set by the caller. */
    public static ComputationGraph buildGraph(ModelSpec spec, LocalOptimizer optimizer, double learningRate) {
        return buildGraph(spec, optimizer, learningRate, 1.0);
    }

    /** The U-Net whose training loss weighs foreground pixels {@code foregroundWeight} times background ones. */
    public static ComputationGraph buildGraph(ModelSpec spec, LocalOptimizer optimizer, double learningRate,
                                              double foregroundWeight) {
        if (spec.kind() != ModelKind.UNET) {
            throw new IllegalArgumentException(spec.kind().id() + " is not a graph model: use build");
        }
        return ImageNetworks.unet(spec, optimizer, learningRate, foregroundWeight);
    }

    /**
     * Seeded initial parameters: the same seed gives the same model on every machine.
     *
     * <p>Logistic regression and MLPs are drawn as PyTorch's linear layers draw them, uniform in +-1/sqrt(fan-in)
     * for weights and biases alike. The image models use He (Kaiming) uniform weights, +-sqrt(6 / fan-in) with
     * fan-in = input channels x kernel area for a convolution, and zero biases: with PyTorch's default bound
     * the signal of a ReLU CNN shrinks layer after layer (we measured the phantom CNN's initial predictions
     * spanning 0.002 in probability over all images) and a few local steps per round barely moved it.
     */
    public static ModelVector initialParameters(ModelSpec spec, long seed) {
        float[] params = new float[spec.parameterCount()];
        SplittableRandom random = new SplittableRandom(seed);
        boolean he = spec.isImageModel();
        int offset = 0;
        for (ModelSpec.ParameterBlock block : spec.parameterLayout()) {
            double bound = he ? Math.sqrt(6.0 / block.fanIn()) : 1.0 / Math.sqrt(block.fanIn());
            for (int k = 0; k < block.count(); k++) {
                double u = random.nextDouble() * 2 * bound - bound;
                params[offset + k] = he && block.isBias(k) ? 0f : (float) u;
            }
            offset += block.count();
        }
        return ModelVector.wrap(params);
    }

    static IUpdater updater(LocalOptimizer optimizer, double learningRate) {
        return switch (optimizer) {
            case SGD -> new Sgd(learningRate);
            case ADAM -> new Adam(learningRate, 0.9, 0.999, 1e-8);
        };
    }
}
