package org.medfed.privacy.secagg;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelVector;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.protocol.Value;

/**
 * How a masked input rides in a training reply: the masked values, elements of Z_(2^k), as one integer vector in
 * the extra {@code secagg.masked} (the update first, then one value per report in name order), and the report
 * names in {@code secagg.layout}. The plain update field carries the global model unchanged (no information).
 */
final class MaskedPayload {

    static final String MASKED = "secagg.masked";
    static final String LAYOUT = "secagg.layout";
    /** The report of the share of update values that fell outside the range and were clipped. */
    static final String CLAMPED = "#clamped";

    private MaskedPayload() {
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

    static FitResult toFitResult(FitResult plain, ModelVector global, int[] masked, List<String> reports) {
        long[] values = new long[masked.length];
        for (int i = 0; i < masked.length; i++) {
            values[i] = masked[i] & 0xFFFFFFFFL;
        }
        Map<String, Value> extras = new LinkedHashMap<>();
        extras.put(MASKED, new Value.Longs(values));
        extras.put(LAYOUT, new Value.Text(String.join("\n", reports)));
        ModelVector carrier = plain.kind() == UpdateKind.MODEL ? global : ModelVector.zeros(global.size());
        return new FitResult(carrier, plain.kind(), plain.examples(), plain.steps(), plain.trainLoss(), extras);
    }

    /** The masked vector and the report names of a received answer. */
    record Received(int[] values, List<String> reports) {
    }

    static Received from(Map<String, Value> extras, int updateLength, int bits) {
        if (!(extras.get(MASKED) instanceof Value.Longs masked) || !(extras.get(LAYOUT) instanceof Value.Text layout)) {
            throw new IllegalArgumentException("no masked input");
        }
        List<String> reports = layout.text().isEmpty() ? List.of() : Arrays.asList(layout.text().split("\n"));
        long[] v = masked.values();
        if (v.length != updateLength + reports.size()) {
            throw new IllegalArgumentException(v.length + " masked values where " + (updateLength + reports.size())
                    + " were expected");
        }
        long limit = 1L << bits;
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0 || v[i] >= limit) {
                throw new IllegalArgumentException("masked value " + v[i] + " is outside Z_(2^" + bits + ")");
            }
            out[i] = (int) v[i];
        }
        return new Received(out, reports);
    }
}
