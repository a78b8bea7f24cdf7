package org.medfed.privacy.secagg;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelVector;
import org.medfed.engine.protocol.Value;

/**
 * How a masked input rides in a training reply: the masked values, elements of Z_(2^k), in the extra
 * {@code secagg.masked} (the update first, then one value per report in name order) as bytes, each value in the
 * fewest whole bytes that hold k bits, little-endian (4 bytes at 32 bits, 3 at 24: no wider than the float it
 * replaces); the report names in {@code secagg.layout}. The result is sealed: no plain update travels.
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

    static FitResult toFitResult(FitResult plain, ModelVector global, long[] masked, List<String> reports, int bits) {
        Map<String, Value> extras = new LinkedHashMap<>();
        extras.put(MASKED, new Value.Bytes(pack(masked, bits)));
        extras.put(LAYOUT, new Value.Text(String.join("\n", reports)));
        return plain.sealedIn(global, extras);
    }

    /** Bytes per masked value of k bits. */
    static int width(int bits) {
        return (bits + 7) / 8;
    }

    static byte[] pack(long[] values, int bits) {
        int w = width(bits);
        byte[] out = new byte[values.length * w];
        for (int i = 0, o = 0; i < values.length; i++) {
            long x = values[i];
            for (int b = 0; b < w; b++) {
                out[o++] = (byte) (x >>> (8 * b));
            }
        }
        return out;
    }

    static long[] unpack(byte[] bytes, int bits) {
        int w = width(bits);
        if (bytes.length % w != 0) {
            throw new IllegalArgumentException(bytes.length + " bytes of masked values, not a whole number of "
                    + w + "-byte values");
        }
        long[] out = new long[bytes.length / w];
        for (int i = 0, o = 0; i < out.length; i++) {
            long x = 0;
            for (int b = 0; b < w; b++) {
                x |= (bytes[o++] & 0xffL) << (8 * b);
            }
            out[i] = x;
        }
        return out;
    }

    /** The masked vector and the report names of a received answer. */
    record Received(long[] values, List<String> reports) {
    }

    static Received from(Map<String, Value> extras, int updateLength, int bits) {
        if (!(extras.get(MASKED) instanceof Value.Bytes masked) || !(extras.get(LAYOUT) instanceof Value.Text layout)) {
            throw new IllegalArgumentException("no masked input");
        }
        List<String> reports = layout.text().isEmpty() ? List.of() : Arrays.asList(layout.text().split("\n"));
        long[] v = unpack(masked.bytes(), bits);
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
