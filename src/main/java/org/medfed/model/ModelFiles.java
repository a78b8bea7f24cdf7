package org.medfed.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.medfed.engine.BadInputException;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.ModelVector;

/** Writes a trained model as a DL4J model file, and reads one back for predictions. */
public final class ModelFiles {

    /** The DL4J file inside an exported model folder. */
    public static final String MODEL_FILE = "model.zip";

    private ModelFiles() {
    }

    public static Path save(ModelSpec spec, ModelVector params, Path dir) {
        MultiLayerNetwork net = NetworkFactory.build(spec, LocalOptimizer.SGD, 0.01);
        net.setParams(Dl4jTrainer.toRow(params));
        Path file = dir.resolve(MODEL_FILE);
        Path temp = dir.resolve(MODEL_FILE + ".tmp");
        try {
            Files.createDirectories(dir);
            ModelSerializer.writeModel(net, temp.toFile(), false);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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
        try {
            return new TrainedModel(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file, null, "is not a readable DL4J model: " + e.getMessage(), e);
        }
    }

    /** A loaded network. */
    public static final class TrainedModel {
        private final MultiLayerNetwork net;

        TrainedModel(MultiLayerNetwork net) {
            this.net = net;
        }

        public int inputSize() {
            return (int) net.layerInputSize(0);
        }

        public ModelVector parameters() {
            return ModelVector.wrap(net.params().toFloatVector());
        }

        /** Class probabilities (one value for binary models) of each input row. */
        public synchronized float[][] probabilities(float[][] inputs) {
            return Predictor.probabilities(net, inputs, inputSize());
        }
    }
}
