package org.medfed.model.onnx;

import static org.medfed.model.onnx.OnnxGraph.attr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import onnx.Onnx.TensorProto.DataType;
import org.medfed.data.tabular.FittedPreprocessing;
import org.medfed.data.tabular.Standardization;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ModelVector;
import org.medfed.io.AtomicFiles;
import org.medfed.model.Compaction;
import org.medfed.model.ModelKind;
import org.medfed.model.ModelSpec;

/**
 * Writes a trained model as an ONNX file (operator set {@value OnnxGraph#OPSET}) that any ONNX runtime can run.
 *
 * <p>Inputs: a table model takes the raw feature columns, one input per column (see {@link TabularGraph} for the
 * convention); an image model takes {@value #IMAGE}, float32 {@code [N, channels, height, width]}, prepared as the
 * model card's image preprocessing says (window, resize, normalisation). Outputs: a classifier gives
 * {@value #PROBABILITIES} {@code [N, classes]} (class order of the card) and {@value #LABEL}, the most probable
 * class name {@code [N]}; a table model also {@value #INPUT_OK} {@code [N]}, false for a row it cannot judge
 * (whose probabilities are then NaN and label empty). The U-Net gives {@value #MASK} {@code [N, 1, height, width]};
 * it takes any image size divisible by 2^(levels-1).
 */
public final class OnnxExport {

    /** The ONNX operator set of every file written. */
    public static final int OPSET = OnnxGraph.OPSET;

    /** The ONNX file beside {@code model.zip} in an exported model folder. */
    public static final String FILE = "model.onnx";
    public static final String IMAGE = "image";
    public static final String FEATURES = "features";
    public static final String PROBABILITIES = "probabilities";
    public static final String LABEL = "label";
    public static final String INPUT_OK = "input_ok";
    public static final String MASK = "foreground_probability";
    /** Metadata keys of the file. */
    public static final String META_CLASSES = "medfed.classes";
    public static final String META_MODEL = "medfed.model";
    public static final String META_COMPACTION = "medfed.compaction";

    private OnnxExport() {
    }

    /** A classifier of table rows with the card's preprocessing in the graph; {@code z} null for no standardisation. */
    public static byte[] tabular(ModelSpec spec, ModelVector params, Compaction compaction, FittedPreprocessing prep,
                                 Standardization z, String version) {
        if (spec.isImageModel() || spec.inputSize() != prep.inputSize()) {
            throw new IllegalArgumentException(spec + " does not take the " + prep.inputSize() + " encoded columns");
        }
        OnnxGraph g = new OnnxGraph("medfed_" + spec.kind().id());
        TabularGraph.Encoded x = TabularGraph.append(g, prep, z);
        String probabilities = NetworkGraph.classifier(g, spec, params, compaction, x.features());
        String ok = x.ok();
        String okColumn = g.op("Unsqueeze", List.of(ok, g.int64s("axis1", new long[] {1}, 1)));
        String nan = g.floats("nan", new float[] {Float.NaN}, 1);
        g.node("Where", List.of(okColumn, probabilities, nan), PROBABILITIES);
        String label = label(g, probabilities, prep.classes());
        g.node("Where", List.of(ok, label, g.strings("empty", List.of(""), 1)), LABEL);
        g.node("Identity", List.of(ok), INPUT_OK);
        classifierOutputs(g, prep.classes().size());
        g.output(INPUT_OK, DataType.BOOL, "false when a value is missing (and was not filled in training) or a category "
                + "is one no hospital had in training: the row's probabilities are then NaN", -1);
        return g.model(version, doc(spec, "raw feature columns, one input per column"),
                metadata(spec, prep.classes(), compaction));
    }

    /**
     * A classifier whose inputs are encoded outside the file (genotype dosages): {@value #FEATURES}, float32
     * {@code [N, features]}.
     */
    public static byte[] features(ModelSpec spec, ModelVector params, Compaction compaction, List<String> classes,
                                  String version) {
        if (spec.isImageModel()) {
            throw new IllegalArgumentException(spec + " is an image model");
        }
        OnnxGraph g = new OnnxGraph("medfed_" + spec.kind().id());
        g.input(FEATURES, DataType.FLOAT, "the encoded features, in the order of the model card", -1, spec.inputSize());
        String probabilities = NetworkGraph.classifier(g, spec, params, compaction, FEATURES);
        g.node("Identity", List.of(probabilities), PROBABILITIES);
        g.node("Identity", List.of(label(g, probabilities, classes)), LABEL);
        classifierOutputs(g, classes.size());
        return g.model(version, doc(spec, "encoded features [N, features]"), metadata(spec, classes, compaction));
    }

    /** An image classifier (CNN; {@code classes} in label order) or the U-Net (no classes needed). */
    public static byte[] images(ModelSpec spec, ModelVector params, Compaction compaction, List<String> classes,
                                String version) {
        if (!spec.isImageModel()) {
            throw new IllegalArgumentException(spec + " is not an image model");
        }
        int[] shape = spec.inputShape();
        OnnxGraph g = new OnnxGraph("medfed_" + spec.kind().id());
        String doc = "the image after the model card's preprocessing (window, resize, channels, normalisation)";
        if (spec.kind() == ModelKind.UNET) {
            g.input(IMAGE, DataType.FLOAT, doc, -1, shape[0], -2, -2);
            g.node("Identity", List.of(NetworkGraph.unet(g, spec, params, compaction, IMAGE)), MASK);
            g.output(MASK, DataType.FLOAT, "probability that each pixel is foreground", -1, 1, -2, -2);
            return g.model(version, doc(spec, "an image [N, channels, height, width]"), metadata(spec, List.of(), compaction));
        }
        if (classes.size() != spec.classCount()) {
            throw new IllegalArgumentException(classes.size() + " class names for " + spec.classCount() + " classes");
        }
        g.input(IMAGE, DataType.FLOAT, doc, -1, shape[0], shape[1], shape[2]);
        String probabilities = NetworkGraph.classifier(g, spec, params, compaction, IMAGE);
        g.node("Identity", List.of(probabilities), PROBABILITIES);
        g.node("Identity", List.of(label(g, probabilities, classes)), LABEL);
        classifierOutputs(g, classes.size());
        return g.model(version, doc(spec, "an image [N, channels, height, width]"), metadata(spec, classes, compaction));
    }

    /** Writes the file atomically: a reader never sees half of it. */
    public static void write(Path file, byte[] model) {
        try {
            AtomicFiles.write(file, model);
        } catch (IOException e) {
            throw new BadInputException(file, null, "could not write the ONNX model: " + e.getMessage(), e);
        }
    }

    /** Size of {@code file} gzip-compressed: where the zeros of a pruned model pay off. */
    public static long gzippedSize(byte[] file) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.size();
    }

    /** A graph input or output as the file declares it: name, element type and description. */
    public record Port(String name, String type, String description) {
    }

    /** The inputs of an ONNX file (read back from its bytes with the schema's classes). */
    public static List<Port> inputs(byte[] model) {
        return ports(model, true);
    }

    public static List<Port> outputs(byte[] model) {
        return ports(model, false);
    }

    private static List<Port> ports(byte[] model, boolean inputs) {
        try {
            onnx.Onnx.GraphProto graph = onnx.Onnx.ModelProto.parseFrom(model).getGraph();
            return (inputs ? graph.getInputList() : graph.getOutputList()).stream()
                    .map(v -> new Port(v.getName(), DataType.forNumber(v.getType().getTensorType().getElemType()).name()
                            .toLowerCase(java.util.Locale.ROOT).replace("float", "float32"), v.getDocString()))
                    .toList();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
        }
    }

    private static String label(OnnxGraph g, String probabilities, List<String> classes) {
        String index = g.op("ArgMax", List.of(probabilities), attr("axis", 1), attr("keepdims", 0));
        return g.op("Gather", List.of(g.strings("classes", classes, classes.size()), index));
    }

    private static void classifierOutputs(OnnxGraph g, int classes) {
        g.output(PROBABILITIES, DataType.FLOAT, "probability of each class, in the order of the metadata "
                + META_CLASSES, -1, classes);
        g.output(LABEL, DataType.STRING, "the most probable class", -1);
    }

    private static String doc(ModelSpec spec, String inputs) {
        return "MedFed Workbench " + spec + ". Input: " + inputs + ". See the model card (model-card.json) beside "
                + "the file for the data, training and metrics.";
    }

    private static Map<String, String> metadata(ModelSpec spec, List<String> classes, Compaction compaction) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(META_MODEL, spec.toString());
        if (!classes.isEmpty()) {
            m.put(META_CLASSES, String.join("\n", classes));
        }
        m.put(META_COMPACTION, compaction.describe());
        return m;
    }
}
