package org.medfed.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.medfed.engine.BadInputException;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.ModelVector;
import org.medfed.io.AtomicFiles;

/**
 * Writes a trained model as a DL4J model file, and reads one back for predictions: a MultiLayerNetwork for
 * logistic regression, MLPs and the CNN, a ComputationGraph for the U-Net.
 */
public final class ModelFiles {

    /** The DL4J file inside an exported model folder. */
    public static final String MODEL_FILE = "model.zip";

    private ModelFiles() {
    }

    /**
     * Writes {@code model.zip} into {@code dir}, completely or not at all. Dense models are written without DL4J
     * ({@link DenseModelFile}), so that a dense study never starts ND4J; the image models go through DL4J.
     */
    public static Path save(ModelSpec spec, ModelVector params, Path dir) {
        Path file = dir.resolve(MODEL_FILE);
        try {
            if (!spec.isImageModel()) {
                AtomicFiles.write(file, DenseModelFile.bytes(spec, params));
                return file;
            }
            Model model;
            if (spec.kind() == ModelKind.UNET) {
                ComputationGraph graph = NetworkFactory.buildGraph(spec, LocalOptimizer.SGD, 0.01);
                graph.setParams(Dl4jTrainer.toRow(params));
                model = graph;
            } else {
                MultiLayerNetwork net = NetworkFactory.build(spec, LocalOptimizer.SGD, 0.01);
                net.setParams(Dl4jTrainer.toRow(params));
                model = net;
            }
            Path temp = dir.resolve(MODEL_FILE + ".tmp");
            Files.createDirectories(dir);
            ModelSerializer.writeModel(model, temp.toFile(), false);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BadInputException(file, null, "could not write the model: " + e.getMessage(), e);
        }
        return file;
    }

    /** A model read back from its folder, ready to predict. */
    public static TrainedModel load(Path dir) {
        Path file = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(dir, null, "no " + MODEL_FILE + " in this folder: is it a model exported by MedFed?");
        }
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException notALayerStack) {
            // the U-Net is saved as a graph, which the layer-stack reader refuses
            try {
                return new TrainedModel(null, ModelSerializer.restoreComputationGraph(file.toFile(), false));
            } catch (IOException | RuntimeException e) {
                throw new BadInputException(file, null, "is not a readable DL4J model: " + notALayerStack.getMessage(), e);
            }
        }
        return new TrainedModel(net, null);
    }

    /** A loaded network: a layer stack or a graph. */
    public static final class TrainedModel {
        private final MultiLayerNetwork net;
        private final ComputationGraph graph;

        TrainedModel(MultiLayerNetwork net, ComputationGraph graph) {
            this.net = net;
            this.graph = graph;
        }

        /**
         * The input shape: [features], or [channels, height, width] for the CNN. The U-Net is fully
         * convolutional and its file does not record an image size: [channels, 0, 0] (the model card has it).
         */
        public int[] inputShape() {
            if (graph != null) {
                ConvolutionLayer first = (ConvolutionLayer) graph.getLayer(UnetNames.encoder(0, 'a')).conf().getLayer();
                return new int[] {(int) first.getNIn(), 0, 0};
            }
            if (net.getLayerWiseConfigurations().getInputPreProcess(0) instanceof FeedForwardToCnnPreProcessor p) {
                return new int[] {(int) p.getNumChannels(), (int) p.getInputHeight(), (int) p.getInputWidth()};
            }
            return new int[] {(int) net.layerInputSize(0)};
        }

        /** Length of one flat input. */
        public int inputSize() {
            return Arrays.stream(inputShape()).reduce(1, (a, b) -> a * b);
        }

        public boolean isSegmentation() {
            return graph != null;
        }

        public ModelVector parameters() {
            return ModelVector.wrap((graph != null ? graph.params() : net.params()).toFloatVector());
        }

        /** Class probabilities (one value for binary models) of each input row. */
        public synchronized float[][] probabilities(float[][] inputs) {
            if (graph != null) {
                throw new IllegalStateException("a segmentation model needs the image size: use segment(inputs, shape)");
            }
            return Predictor.probabilities(net, inputs, inputSize());
        }

        /** Foreground probability of each pixel of each image of {@code shape = [channels, height, width]}. */
        public synchronized float[][] segment(float[][] inputs, int[] shape) {
            if (graph == null) {
                throw new IllegalStateException("this is a classifier, not a segmentation model");
            }
            return SegmentationTrainer.probabilities(graph, shape, inputs);
        }
    }
}
