package org.medfed.model;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
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

    /** A fresh network with the given local optimiser; its parameters are to be set by the caller. */
    public static MultiLayerNetwork build(ModelSpec spec, LocalOptimizer optimizer, double learningRate) {
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

    /**
     * Initial parameters drawn as PyTorch's linear layers draw them, uniform in +-1/sqrt(fan-in) for weights and
     * biases alike, from {@code seed}: the same seed gives the same model on every machine.
     */
    public static ModelVector initialParameters(ModelSpec spec, long seed) {
        int[] widths = spec.layerWidths();
        float[] params = new float[spec.parameterCount()];
        SplittableRandom random = new SplittableRandom(seed);
        int offset = 0;
        for (int i = 1; i < widths.length; i++) {
            int count = widths[i - 1] * widths[i] + widths[i];
            double bound = 1.0 / Math.sqrt(widths[i - 1]);
            for (int k = 0; k < count; k++) {
                params[offset + k] = (float) (random.nextDouble() * 2 * bound - bound);
            }
            offset += count;
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
