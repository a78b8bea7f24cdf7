package org.medfed.engine.checkpoint;

import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Value;

/**
 * Vectors of doubles in a strategy's saved state. {@link Params} has no double vectors (nothing on the wire needs
 * them), so a server optimiser's moments are kept as the raw bits of each double: exact, NaN and -0 included.
 */
public final class StateValues {

    private StateValues() {
    }

    /** {@code values} as a value of a saved state; the array is copied. */
    public static Value doubles(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return new Value.Longs(bits);
    }

    /** The doubles saved under {@code key} by {@link #doubles(double[])}. */
    public static double[] doubles(Params state, String key) {
        long[] bits = state.longs(key);
        double[] values = new double[bits.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(bits[i]);
        }
        return values;
    }
}
