package org.medfed.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.medfed.engine.LocalOptimizer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Builds DL4J networks for a {@link ModelSpec}; their seeded initial parameters come from {@link ModelSpec#initialParameters}. */
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

    static IUpdater updater(LocalOptimizer optimizer, double learningRate) {
        return switch (optimizer) {
            case SGD -> new Sgd(learningRate);
            case ADAM -> new Adam(learningRate, 0.9, 0.999, 1e-8);
        };
    }
}
