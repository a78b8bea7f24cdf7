package org.medfed.privacy.secagg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelVector;

/**
 * How a masked input rides in the engine's fit answer: the masked update values in the update field (each a
 * k-bit integer, exact in a float for k at most 24) and each masked report in an extra named
 * {@code secagg.masked.<name>}. The concatenation, update first and reports in name order, is the vector the
 * masks were computed over.
 */
final class MaskedPayload {

    static final String PREFIX = "secagg.masked.";
    /** The report of the share of update values that fell outside the range and were clipped. */
    static final String CLAMPED = "#clamped";
    /** Integers below 2^24 are exact in a float; the engine carries floats. */
    static final int MAX_BITS_IN_FLOAT = 24;

    private MaskedPayload() {
    }

    /** Names and lengths of the segments after the update, in mask order. */
    static Map<String, Integer> layout(Map<String, Integer> reportSizes) {
        return new TreeMap<>(reportSizes);
    }

    static int[] concat(int[] update, Map<String, int[]> reports) {
        int total = update.length;
        for (int[] r : reports.values()) {
            total += r.length;
        }
        int[] out = new int[total];
        System.arraycopy(update, 0, out, 0, update.length);
        int off = update.length;
        for (int[] r : new TreeMap<>(reports).values()) {
            System.arraycopy(r, 0, out, off, r.length);
            off += r.length;
        }
        return out;
    }

    /** Splits masked values back into the update field and the named extras. */
    static FitResult toFitResult(FitResult plain, int[] masked, int updateLength, Map<String, Integer> layout) {
        float[] upd = new float[updateLength];
        for (int i = 0; i < updateLength; i++) {
            upd[i] = masked[i];
        }
        Map<String, ModelVector> extras = new LinkedHashMap<>();
        int off = updateLength;
        for (Map.Entry<String, Integer> e : layout.entrySet()) {
            float[] seg = new float[e.getValue()];
            for (int i = 0; i < seg.length; i++) {
                seg[i] = masked[off + i];
            }
            off += seg.length;
            extras.put(PREFIX + e.getKey(), ModelVector.wrap(seg));
        }
        return new FitResult(ModelVector.wrap(upd), plain.kind(), plain.examples(), plain.steps(), plain.trainLoss(),
                extras);
    }

    /** The masked vector and report layout of a received answer. */
    record Received(int[] values, int updateLength, Map<String, Integer> layout) {
    }

    static Received fromUpdate(ModelVector update, Map<String, ModelVector> extras) {
        Map<String, Integer> layout = new TreeMap<>();
        List<ModelVector> segments = new ArrayList<>();
        for (Map.Entry<String, ModelVector> e : new TreeMap<>(extras).entrySet()) {
            if (e.getKey().startsWith(PREFIX)) {
                layout.put(e.getKey().substring(PREFIX.length()), e.getValue().size());
                segments.add(e.getValue());
            }
        }
        int total = update.size();
        for (ModelVector s : segments) {
            total += s.size();
        }
        int[] values = new int[total];
        int off = 0;
        for (int i = 0; i < update.size(); i++) {
            values[off++] = toInt(update.get(i));
        }
        for (ModelVector s : segments) {
            for (int i = 0; i < s.size(); i++) {
                values[off++] = toInt(s.get(i));
            }
        }
        return new Received(values, update.size(), layout);
    }

    private static int toInt(float f) {
        int v = (int) f;
        if (v != f || v < 0 || v >= (1 << MAX_BITS_IN_FLOAT)) {
            throw new IllegalArgumentException("not a masked value: " + f);
        }
        return v;
    }
}
