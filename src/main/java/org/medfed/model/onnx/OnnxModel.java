package org.medfed.model.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.engine.BadInputException;

/**
 * An ONNX model file run with ONNX Runtime: what {@code medfed predict} uses for {@code model.onnx}, and what the
 * tests use to check every export against our own predictions. It reads the inputs the file declares, so a
 * table model tells which raw columns it needs and whether each takes numbers or text.
 */
public final class OnnxModel implements AutoCloseable {

    /** A graph input: a raw column (1-D, numbers or text) or the image tensor. */
    public record Input(String name, boolean text, long[] shape) {
    }

    /** What a table model says about each row: probabilities per class, the label, and whether it was usable. */
    public record RowPredictions(float[][] probabilities, String[] labels, boolean[] ok) {
    }

    private final Path file;
    private final OrtSession session;
    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private final List<String> classes;

    private OnnxModel(Path file, OrtSession session) throws OrtException {
        this.file = file;
        this.session = session;
        for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
            if (!(e.getValue().getInfo() instanceof TensorInfo t)) {
                throw new BadInputException(file, null, "input '" + e.getKey() + "' is not a tensor; MedFed's ONNX "
                        + "files take tensors only");
            }
            inputs.put(e.getKey(), new Input(e.getKey(), t.type == OnnxJavaType.STRING, t.getShape()));
        }
        String names = session.getMetadata().getCustomMetadata().get(OnnxExport.META_CLASSES);
        this.classes = names == null ? List.of() : List.of(names.split("\n", -1));
    }

    /** Opens an ONNX file; anything that is not one is refused in words. */
    public static OnnxModel load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file, null, "could not be read: " + e.getMessage(), e);
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            return new OnnxModel(file, env.createSession(bytes, new OrtSession.SessionOptions()));
        } catch (OrtException e) {
            if (e.getCode() == OrtException.OrtErrorCode.ORT_INVALID_PROTOBUF) {
                throw new BadInputException(file, null, "is not an ONNX model: its contents cannot be read as one "
                        + "(a file of another kind, or damaged); export the model again (model.onnx)", e);
            }
            throw new BadInputException(file, null, "is not an ONNX model that ONNX Runtime can run: "
                    + firstLine(e.getMessage()), e);
        }
    }

    public Path file() {
        return file;
    }

    public List<Input> inputs() {
        return new ArrayList<>(inputs.values());
    }

    /** Class names in probability order (empty for the U-Net or a file not written by MedFed). */
    public List<String> classes() {
        return classes;
    }

    public boolean hasOutput(String name) {
        try {
            return session.getOutputNames().contains(name);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Runs a table model on raw columns: {@code numbers} for the float inputs (NaN when missing), {@code texts}
     * for the string inputs ("" when missing), each of {@code rows} values.
     */
    public RowPredictions predictRows(Map<String, float[]> numbers, Map<String, String[]> texts, int rows) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            for (Input in : inputs.values()) {
                if (in.text()) {
                    feed.put(in.name(), OnnxTensor.createTensor(env, texts.get(in.name()), new long[] {rows}));
                } else {
                    feed.put(in.name(), OnnxTensor.createTensor(env, FloatBuffer.wrap(numbers.get(in.name())),
                            new long[] {rows}));
                }
            }
            try (OrtSession.Result r = session.run(feed)) {
                return new RowPredictions((float[][]) value(r, OnnxExport.PROBABILITIES),
                        (String[]) value(r, OnnxExport.LABEL), (boolean[]) value(r, OnnxExport.INPUT_OK));
            }
        } catch (OrtException e) {
            throw new BadInputException(file, null, "ONNX Runtime could not run it: " + firstLine(e.getMessage()), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * Runs an image model on flat images ({@code channels x height x width}, planar) of {@code shape}: class
     * probabilities per image, or for the U-Net the foreground probability per pixel (row-major).
     */
    public float[][] predictImages(float[][] images, int[] shape) {
        int width = shape[0] * shape[1] * shape[2];
        float[] x = new float[images.length * width];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(images[i], 0, x, i * width, width);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x),
                new long[] {images.length, shape[0], shape[1], shape[2]});
             OrtSession.Result r = session.run(Map.of(OnnxExport.IMAGE, t))) {
            if (hasOutput(OnnxExport.MASK)) {
                float[][][][] mask = (float[][][][]) value(r, OnnxExport.MASK);
                float[][] out = new float[images.length][shape[1] * shape[2]];
                for (int i = 0; i < images.length; i++) {
                    for (int h = 0; h < shape[1]; h++) {
                        System.arraycopy(mask[i][0][h], 0, out[i], h * shape[2], shape[2]);
                    }
                }
                return out;
            }
            return (float[][]) value(r, OnnxExport.PROBABILITIES);
        } catch (OrtException e) {
            throw new BadInputException(file, null, "ONNX Runtime could not run it: " + firstLine(e.getMessage()), e);
        }
    }

    private Object value(OrtSession.Result r, String name) throws OrtException {
        return r.get(name).orElseThrow(() -> new BadInputException(file, null, "has no output '" + name
                + "': it was not written by MedFed Workbench")).getValue();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no reason given";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
