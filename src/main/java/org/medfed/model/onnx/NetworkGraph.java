package org.medfed.model.onnx;

import static org.medfed.model.onnx.OnnxGraph.attr;

import java.util.Iterator;
import java.util.List;
import org.medfed.engine.ModelVector;
import org.medfed.model.Compaction;
import org.medfed.model.LayerParameters;
import org.medfed.model.ModelSpec;

/**
 * The networks of {@link ModelSpec} as ONNX operators, layer for layer as DL4J computes them: Gemm (with the
 * weights as DL4J stores them, {@code [out, in]}, hence transB) and Relu for dense layers; Conv with same padding,
 * Relu and 2x2 MaxPool for the CNN, then Flatten (DL4J flattens channels, rows, columns in that order, like ONNX);
 * for the U-Net nearest-neighbour Resize by 2 and Concat of the upsampled and the encoder's channels, then a 1x1
 * Conv and a Sigmoid per pixel. With batch norm, each 3x3 Conv is followed by a BatchNormalization in inference mode
 * (the running mean and variance, DL4J's epsilon), then the Relu. Compacted weights are pruned here and, for int8, stored as int8 with a
 * DequantizeLinear per layer.
 */
final class NetworkGraph {

    private final OnnxGraph g;
    private final Compaction compaction;
    private final Iterator<LayerParameters> layers;

    private NetworkGraph(OnnxGraph g, ModelSpec spec, ModelVector params, Compaction compaction) {
        this.g = g;
        this.compaction = compaction;
        this.layers = LayerParameters.of(spec, params).iterator();
    }

    /**
     * The class probabilities {@code [N, classes]} of a classifier (logistic, MLP, CNN) on {@code input}:
     * {@code [N, features]}, or {@code [N, channels, height, width]} for the CNN.
     */
    static String classifier(OnnxGraph g, ModelSpec spec, ModelVector params, Compaction compaction, String input) {
        NetworkGraph n = new NetworkGraph(g, spec, params, compaction);
        String x = input;
        if (spec.kind() == org.medfed.model.ModelKind.CNN) {
            for (int ignored : spec.filters()) {
                x = n.conv(x, 3, spec.batchNorm());
                x = g.op("MaxPool", List.of(x), attr("kernel_shape", 2, 2), attr("strides", 2, 2));
            }
            x = g.op("Flatten", List.of(x), attr("axis", 1));
        }
        for (int i = 0; i < spec.hidden().length; i++) {
            x = g.op("Relu", List.of(n.dense(x)));
        }
        String logits = n.dense(x);
        if (spec.classCount() > 2) {
            return g.op("Softmax", List.of(logits), attr("axis", 1));
        }
        // one sigmoid output (class 1); the file gives both classes' probabilities, like the predictions CSV
        String p = g.op("Sigmoid", List.of(logits));
        String one = g.floats("one", new float[] {1f}, 1);
        return g.op("Concat", List.of(g.op("Sub", List.of(one, p)), p), attr("axis", 1));
    }

    /** The foreground probability {@code [N, 1, height, width]} of the U-Net on {@code [N, channels, height, width]}. */
    static String unet(OnnxGraph g, ModelSpec spec, ModelVector params, Compaction compaction, String input) {
        NetworkGraph n = new NetworkGraph(g, spec, params, compaction);
        int levels = spec.filters().length;
        String[] encoder = new String[levels];
        String x = input;
        for (int i = 0; i < levels; i++) {
            if (i > 0) {
                x = g.op("MaxPool", List.of(x), attr("kernel_shape", 2, 2), attr("strides", 2, 2));
            }
            x = n.conv(n.conv(x, 3, spec.batchNorm()), 3, spec.batchNorm());
            encoder[i] = x;
        }
        String scales = g.floats("upsample_scales", new float[] {1f, 1f, 2f, 2f}, 4);
        for (int i = levels - 2; i >= 0; i--) {
            String up = g.op("Resize", List.of(x, "", scales), attr("mode", "nearest"),
                    attr("coordinate_transformation_mode", "asymmetric"), attr("nearest_mode", "floor"));
            x = g.op("Concat", List.of(up, encoder[i]), attr("axis", 1));
            x = n.conv(n.conv(x, 3, spec.batchNorm()), 3, spec.batchNorm());
        }
        return g.op("Sigmoid", List.of(n.conv(x, 1, false)));
    }

    private String dense(String x) {
        LayerParameters l = layers.next();
        String w = weight(l, l.outputs(), l.rowLength());
        String b = g.floats(l.layer() + "_bias", l.biases(), l.outputs());
        return g.op("Gemm", List.of(x, w, b), attr("transB", 1));
    }

    /**
     * A same-padded convolution; then, when {@code normalised}, the batch normalisation that follows it in the layout;
     * then the ReLU, except for the U-Net's final 1x1 convolution ({@code kernel} 1), which gives the logits.
     */
    private String conv(String x, int kernel, boolean normalised) {
        LayerParameters l = layers.next();
        int in = l.rowLength() / (kernel * kernel);
        String w = weight(l, l.outputs(), in, kernel, kernel);
        String b = g.floats(l.layer() + "_bias", l.biases(), l.outputs());
        int pad = kernel / 2;
        String y = g.op("Conv", List.of(x, w, b), attr("kernel_shape", kernel, kernel), attr("pads", pad, pad, pad, pad),
                attr("strides", 1, 1));
        if (normalised) {
            y = batchNorm(y);
        }
        return kernel == 1 ? y : g.op("Relu", List.of(y));
    }

    private String batchNorm(String x) {
        LayerParameters l = layers.next();
        int c = l.outputs();
        List<String> inputs = new java.util.ArrayList<>(List.of(x));
        String[] names = {"scale", "bias", "mean", "var"};
        for (int row = 0; row < names.length; row++) {
            inputs.add(g.floats(l.layer() + "_" + names[row], l.normalisationRow(row), c));
        }
        return g.op("BatchNormalization", inputs, OnnxGraph.floatAttr("epsilon", (float) ModelSpec.BATCH_NORM_EPSILON));
    }

    /** The layer's weights: float32, or int8 with a per-output scale and a DequantizeLinear. */
    private String weight(LayerParameters l, long... dims) {
        float[] w = Compaction.prune(l.weights(), compaction.pruneFraction());
        if (!compaction.int8()) {
            return g.floats(l.layer() + "_weights", w, dims);
        }
        Compaction.Int8Rows q = Compaction.Int8Rows.of(w, l.outputs());
        String values = g.int8s(l.layer() + "_weights_int8", q.values(), dims);
        String scales = g.floats(l.layer() + "_scales", q.scales(), q.rows());
        String zeros = g.int8s(l.layer() + "_zero_points", new byte[q.rows()], q.rows());
        return g.op("DequantizeLinear", List.of(values, scales, zeros), attr("axis", 0));
    }
}
