package org.medfed.model;

import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.ModelVector;

/**
 * One layer's share of the flat parameter vector, as weights and biases apart. The weights keep DL4J's order,
 * which is one row per output unit (dense: {@code [out][in]}; convolution: {@code [out][in][kh][kw]}), so that
 * they are both ONNX's weight tensors ({@code Gemm} with transB, {@code Conv}) and the rows that per-channel
 * quantisation scales.
 *
 * <p>A batch normalisation has no weights or biases in this sense: its values (per channel gamma, beta, running mean,
 * running variance, in that order) are all in {@code weights}, one row per kind, and compaction leaves them alone.
 *
 * @param layer   the layer's name in {@link ModelSpec#parameterLayout()}
 * @param outputs output units (dense) or filters (convolution): the number of weight rows and of biases; the
 *                channels of a batch normalisation
 */
public record LayerParameters(String layer, int outputs, float[] weights, float[] biases, boolean normalisation) {

    public LayerParameters(String layer, int outputs, float[] weights, float[] biases) {
        this(layer, outputs, weights, biases, false);
    }

    /** Row {@code row} of a batch normalisation: 0 gamma, 1 beta, 2 running mean, 3 running variance. */
    public float[] normalisationRow(int row) {
        if (!normalisation) {
            throw new IllegalStateException(layer + " is not a batch normalisation");
        }
        return java.util.Arrays.copyOfRange(weights, row * outputs, (row + 1) * outputs);
    }

    /** Length of one weight row: the inputs of one output unit. */
    public int rowLength() {
        return weights.length / outputs;
    }

    /** The layers of {@code params}, in the order of {@link ModelSpec#parameterLayout()}. */
    public static List<LayerParameters> of(ModelSpec spec, ModelVector params) {
        if (params.size() != spec.parameterCount()) {
            throw new IllegalArgumentException(params.size() + " parameters for a model of " + spec.parameterCount());
        }
        float[] p = params.toArray();
        List<LayerParameters> out = new ArrayList<>();
        int offset = 0;
        for (ModelSpec.ParameterBlock block : spec.parameterLayout()) {
            int weightCount = block.count() - block.biases();
            int weightStart = block.biasesFirst() ? offset + block.biases() : offset;
            int biasStart = block.biasesFirst() ? offset : offset + weightCount;
            float[] w = new float[weightCount];
            float[] b = new float[block.biases()];
            System.arraycopy(p, weightStart, w, 0, weightCount);
            System.arraycopy(p, biasStart, b, 0, b.length);
            out.add(block.normalisation() ? new LayerParameters(block.layer(), block.channels(), w, b, true)
                    : new LayerParameters(block.layer(), block.biases(), w, b));
            offset += block.count();
        }
        return out;
    }

    /** The flat parameter vector of {@code layers} (the inverse of {@link #of}). */
    public static ModelVector join(ModelSpec spec, List<LayerParameters> layers) {
        float[] p = new float[spec.parameterCount()];
        int offset = 0;
        int i = 0;
        for (ModelSpec.ParameterBlock block : spec.parameterLayout()) {
            LayerParameters l = layers.get(i++);
            int weightStart = block.biasesFirst() ? offset + block.biases() : offset;
            int biasStart = block.biasesFirst() ? offset : offset + l.weights().length;
            System.arraycopy(l.weights(), 0, p, weightStart, l.weights().length);
            System.arraycopy(l.biases(), 0, p, biasStart, l.biases().length);
            offset += block.count();
        }
        return ModelVector.wrap(p);
    }
}
