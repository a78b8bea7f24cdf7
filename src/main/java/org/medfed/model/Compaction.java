package org.medfed.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ModelVector;

/**
 * Making a trained model smaller after training: magnitude pruning and post-training int8 quantisation of the
 * weights. Biases stay float32 and unpruned (they are a few hundred numbers and carry each unit's offset), and so do
 * batch normalisations (four values per channel).
 *
 * <p>Pruning zeroes, in every layer, the {@code fraction} of its weights with the smallest magnitude (ties
 * broken by position, so it is deterministic). Quantisation is symmetric and per output unit (per filter for a
 * convolution): scale = max |w| of the row / 127, q = round-half-even(w / scale) within [-127, 127], zero point
 * 0; the model then computes with q x scale, which is what ONNX's DequantizeLinear gives, so the int8 ONNX file
 * and {@link #dequantised} predict alike. Zeros stay exactly zero, so pruning and quantisation combine.
 *
 * @param pruneFraction share of each layer's weights set to zero, in [0, 1)
 * @param int8          whether weights are stored as int8 with a float scale per output unit
 */
public record Compaction(double pruneFraction, boolean int8) {

    public static final Compaction NONE = new Compaction(0, false);

    public Compaction {
        if (!(pruneFraction >= 0 && pruneFraction < 1)) {
            throw new BadInputException("the pruned share must be at least 0 and below 1 (0.5 prunes half of each "
                    + "layer's weights), got " + pruneFraction);
        }
    }

    public boolean isNone() {
        return pruneFraction == 0 && !int8;
    }

    /** "pruned 50 % of weights, int8 weights", for cards and tables. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (pruneFraction > 0) {
            parts.add(String.format(Locale.ROOT, "%.0f %% of each layer's weights pruned (smallest magnitude)",
                    pruneFraction * 100));
        }
        if (int8) {
            parts.add("int8 weights, one scale per output unit");
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** The parameters the compact model computes with: pruned, then rounded to int8 and back when int8. */
    public ModelVector apply(ModelSpec spec, ModelVector params) {
        List<LayerParameters> layers = new ArrayList<>();
        for (LayerParameters l : LayerParameters.of(spec, params)) {
            if (l.normalisation()) {
                layers.add(l); // a handful of values per channel, which a pruned or rounded statistic would skew
                continue;
            }
            float[] w = prune(l.weights(), pruneFraction);
            if (int8) {
                w = Int8Rows.of(w, l.outputs()).dequantised();
            }
            layers.add(new LayerParameters(l.layer(), l.outputs(), w, l.biases()));
        }
        return LayerParameters.join(spec, layers);
    }

    /** The pruned weights of one layer (a copy): the {@code fraction} with the smallest magnitude set to 0. */
    public static float[] prune(float[] weights, double fraction) {
        float[] out = weights.clone();
        int k = (int) Math.floor(fraction * weights.length);
        if (k == 0) {
            return out;
        }
        Integer[] order = IntStream.range(0, weights.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Math.abs(weights[i])).thenComparingInt(i -> i));
        for (int i = 0; i < k; i++) {
            out[order[i]] = 0f;
        }
        return out;
    }

    /** Weights of one layer as int8 with one scale per row (output unit); rows are contiguous. */
    public record Int8Rows(byte[] values, float[] scales) {

        public static Int8Rows of(float[] weights, int rows) {
            int length = weights.length / rows;
            byte[] q = new byte[weights.length];
            float[] scales = new float[rows];
            for (int r = 0; r < rows; r++) {
                float max = 0;
                for (int i = r * length; i < (r + 1) * length; i++) {
                    max = Math.max(max, Math.abs(weights[i]));
                }
                // a row of zeros (fully pruned) keeps scale 1: DequantizeLinear needs a non-zero scale
                float scale = max == 0 ? 1f : max / 127f;
                scales[r] = scale;
                for (int i = r * length; i < (r + 1) * length; i++) {
                    q[i] = (byte) Math.max(-127, Math.min(127, Math.rint(weights[i] / scale)));
                }
            }
            return new Int8Rows(q, scales);
        }

        public int rows() {
            return scales.length;
        }

        /** q x scale in float arithmetic, as ONNX's DequantizeLinear computes it. */
        public float[] dequantised() {
            int length = values.length / scales.length;
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i] * scales[i / length];
            }
            return out;
        }
    }
}
