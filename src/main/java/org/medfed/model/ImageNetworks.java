package org.medfed.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.medfed.engine.LocalOptimizer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J networks of the image models. Their layers are built in exactly the order of
 * {@link ModelSpec#parameterLayout()}, so that the flat parameter vector and the seeded initialisation agree.
 * No dropout, so a step depends only on (parameters, batch). With batch norm, each 3x3 convolution is linear and
 * its batch normalisation is followed by the ReLU; the normalisation keeps its running variance (not DL4J's default log10 of
 * the standard deviation), which is what ONNX's BatchNormalization takes.
 */
final class ImageNetworks {

    private ImageNetworks() {
    }

    /**
     * The CNN classifier. It takes flat inputs ({@code channels x height x width}, planar) like the dense models,
     * and reshapes them to images itself, so the dense trainer's batches and predictions work unchanged.
     */
    static MultiLayerNetwork cnn(ModelSpec spec, LocalOptimizer optimizer, double learningRate) {
        int[] shape = spec.inputShape();
        NeuralNetConfiguration.ListBuilder layers = base(optimizer, learningRate).list();
        for (int f : spec.filters()) {
            if (spec.batchNorm()) {
                layers.layer(new ConvolutionLayer.Builder(3, 3).nOut(f).stride(1, 1)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build());
                layers.layer(batchNorm(f));
                layers.layer(new ActivationLayer(Activation.RELU));
            } else {
                layers.layer(conv3x3(f));
            }
            layers.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .convolutionMode(ConvolutionMode.Truncate).build());
        }
        for (int h : spec.hidden()) {
            layers.layer(new DenseLayer.Builder().nOut(h).activation(Activation.RELU).build());
        }
        boolean binary = spec.classCount() == 2;
        layers.layer(new OutputLayer.Builder(binary ? LossFunctions.LossFunction.XENT : LossFunctions.LossFunction.MCXENT)
                .nOut(spec.outputSize()).activation(binary ? Activation.SIGMOID : Activation.SOFTMAX).build());
        layers.setInputType(InputType.convolutionalFlat(shape[1], shape[2], shape[0]));
        MultiLayerNetwork net = new MultiLayerNetwork(layers.build());
        net.init();
        return net;
    }

    /**
     * The U-Net; input {@code [n, channels, height, width]}, output one sigmoid probability per pixel, trained with
     * a binary cross-entropy whose foreground pixels weigh {@code foregroundWeight}.
     */
    static ComputationGraph unet(ModelSpec spec, LocalOptimizer optimizer, double learningRate, double foregroundWeight) {
        int[] shape = spec.inputShape();
        int[] f = spec.filters();
        ComputationGraphConfiguration.GraphBuilder g = base(optimizer, learningRate).graphBuilder()
                .addInputs(UnetNames.INPUT);
        String previous = UnetNames.INPUT;
        String[] encoderOut = new String[f.length];
        int channels = shape[0];
        for (int i = 0; i < f.length; i++) {
            if (i > 0) {
                g.addLayer(UnetNames.pool(i - 1), new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).convolutionMode(ConvolutionMode.Truncate).build(), previous);
                previous = UnetNames.pool(i - 1);
            }
            String a = addConv(g, spec, UnetNames.encoder(i, 'a'), channels, f[i], previous);
            previous = addConv(g, spec, UnetNames.encoder(i, 'b'), f[i], f[i], a);
            encoderOut[i] = previous;
            channels = f[i];
        }
        for (int i = f.length - 2; i >= 0; i--) {
            g.addLayer(UnetNames.up(i), new Upsampling2D.Builder(2).build(), previous);
            // the upsampled coarse features first, then the encoder's: the decoder's input channels in that order
            g.addVertex(UnetNames.merge(i), new MergeVertex(), UnetNames.up(i), encoderOut[i]);
            String a = addConv(g, spec, UnetNames.decoder(i, 'a'), f[i + 1] + f[i], f[i], UnetNames.merge(i));
            previous = addConv(g, spec, UnetNames.decoder(i, 'b'), f[i], f[i], a);
        }
        g.addLayer(UnetNames.LOGIT, conv(f[0], 1, 1, Activation.IDENTITY), previous);
        g.addLayer(UnetNames.OUTPUT, new CnnLossLayer.Builder(new WeightedBinaryCrossEntropy(foregroundWeight))
                .activation(Activation.SIGMOID).build(), UnetNames.LOGIT);
        g.setOutputs(UnetNames.OUTPUT);
        g.setInputTypes(InputType.convolutional(shape[1], shape[2], shape[0]));
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return graph;
    }

    /**
     * A 3x3 convolution named {@code name} on {@code input}, with ReLU, or linear and followed by its batch
     * normalisation and then the ReLU when the model has batch norm; returns the vertex that carries its output.
     */
    private static String addConv(ComputationGraphConfiguration.GraphBuilder g, ModelSpec spec, String name, int in,
                                  int out, String input) {
        if (!spec.batchNorm()) {
            g.addLayer(name, conv(in, out, 3, Activation.RELU), input);
            return name;
        }
        g.addLayer(name, conv(in, out, 3, Activation.IDENTITY), input);
        String bn = UnetNames.normalisation(name);
        g.addLayer(bn, batchNorm(out), name);
        g.addLayer(bn + "_relu", new ActivationLayer(Activation.RELU), bn);
        return bn + "_relu";
    }

    /**
     * DL4J's default decay (0.9) and epsilon, with the running variance kept as a variance. Linear: DL4J's batch
     * normalisation does not apply its own activation function in inference, so the ReLU is a layer of its own.
     */
    private static BatchNormalization batchNorm(int channels) {
        return new BatchNormalization.Builder().nOut(channels).eps(ModelSpec.BATCH_NORM_EPSILON).useLogStd(false)
                .activation(Activation.IDENTITY).build();
    }

    private static NeuralNetConfiguration.Builder base(LocalOptimizer optimizer, double learningRate) {
        // weights are always set by the caller (seeded, see ModelSpec.initialParameters)
        return new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).seed(0).weightInit(WeightInit.ZERO)
                .updater(NetworkFactory.updater(optimizer, learningRate));
    }

    private static ConvolutionLayer conv3x3(int filters) {
        return new ConvolutionLayer.Builder(3, 3).nOut(filters).stride(1, 1).convolutionMode(ConvolutionMode.Same)
                .activation(Activation.RELU).build();
    }

    private static ConvolutionLayer conv(int in, int out, int kernel, Activation activation) {
        return new ConvolutionLayer.Builder(kernel, kernel).nIn(in).nOut(out).stride(1, 1)
                .convolutionMode(ConvolutionMode.Same).activation(activation).build();
    }
}
