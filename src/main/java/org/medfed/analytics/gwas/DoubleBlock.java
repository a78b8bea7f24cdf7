package org.medfed.analytics.gwas;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.medfed.engine.protocol.ProtocolException;

/**
 * Doubles as a block of bytes, eight little-endian bytes each. The protocol's number vectors are floats, which
 * would round the regression's coefficients and sums; these must arrive bit for bit, so that a study across
 * hospitals gives the same statistics as one in this process.
 */
final class DoubleBlock {

    private DoubleBlock() {
    }

    static byte[] encode(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(values);
        return buffer.array();
    }

    /** The doubles of {@code bytes}; {@code field} names it in the error when the length is not a multiple of 8. */
    static double[] decode(byte[] bytes, String field) {
        if (bytes.length % Double.BYTES != 0) {
            throw new ProtocolException("field '" + field + "' holds " + bytes.length
                    + " bytes, not a whole number of 8-byte doubles");
        }
        double[] out = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }
}
