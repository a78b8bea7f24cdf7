package org.medfed.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.medfed.io.AtomicFiles;
import org.medfed.io.FileProblem;
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

    /** The date of every entry of a model file, so that the same model gives the same bytes. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

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
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ModelSerializer.writeModel(model, bytes, false);
            AtomicFiles.write(file, withFixedTimes(bytes.toByteArray()));
        } catch (IOException e) {
            throw FileProblem.of(file, "the model could not be written", e);
        }
        return file;
    }

    /**
     * The same zip with every entry dated {@link #ENTRY_TIME}: DL4J stamps entries with the time of writing, which
     * would make two runs of the same study and seed give different model files.
     */
    static byte[] withFixedTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(ENTRY_TIME);
                rewritten.putNextEntry(copy);
                in.transferTo(rewritten);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A model read back from its folder, ready to predict. */
    public static TrainedModel load(Path dir) {
        Path file = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(dir, null, "no " + MODEL_FILE + " in this folder: is it a model exported by MedFed?");
        }
        OneDnn.allow(); // predictions computed as in training
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
