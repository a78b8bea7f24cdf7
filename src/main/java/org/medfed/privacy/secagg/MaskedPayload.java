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

    static long[] concat(long[] update, Map<String, long[]> reports) {
        int total = update.length;
        for (long[] r : reports.values()) {
            total += r.length;
        }
        long[] out = new long[total];
        System.arraycopy(update, 0, out, 0, update.length);
        int off = update.length;
        for (long[] r : new TreeMap<>(reports).values()) {
            System.arraycopy(r, 0, out, off, r.length);
            off += r.length;
        }
        return out;
    }

    static FitResult toFitResult(FitResult plain, ModelVector global, long[] masked, List<String> reports) {
        Map<String, Value> extras = new LinkedHashMap<>();
        extras.put(MASKED, new Value.Longs(masked));
        extras.put(LAYOUT, new Value.Text(String.join("\n", reports)));
        ModelVector carrier = plain.kind() == UpdateKind.MODEL ? global : ModelVector.zeros(global.size());
        return new FitResult(carrier, plain.kind(), plain.examples(), plain.steps(), plain.trainLoss(), extras);
    }

    /** The masked vector and the report names of a received answer. */
    record Received(long[] values, List<String> reports) {
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
        for (long x : v) {
            if (x < 0 || x >= limit) {
                throw new IllegalArgumentException("masked value " + x + " is outside Z_(2^" + bits + ")");
            }
        }
        return new Received(v, reports);
    }
}
