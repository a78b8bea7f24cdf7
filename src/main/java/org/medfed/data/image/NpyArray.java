package org.medfed.data.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A NumPy array as stored in a {@code .npy}: its dtype (as NumPy spells it, such as {@code |u1} or
 * {@code <i8}), its shape, and its raw C-order bytes.
 *
 * @param dtype NumPy type string
 * @param shape dimensions
 * @param data element bytes in C order
 */
public record NpyArray(String dtype, int[] shape, byte[] data) {

    public NpyArray {
        shape = shape.clone();
        int size = dtypeSize(dtype);
        if ((long) size * count(shape) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + (long) size * count(shape) + " bytes, found " + data.length);
        }
    }

    /** Element count. */
    public long size() {
        return count(shape);
    }

    /** The value of element {@code i} (flat C-order index) as a double. */
    public double get(long i) {
        ByteBuffer b = ByteBuffer.wrap(data).order(dtype.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int k = dtypeSize(dtype);
        int at = (int) (i * k);
        char kind = dtype.charAt(1);
        return switch (kind) {
            case 'u' -> switch (k) {
                case 1 -> b.get(at) & 0xFF;
                case 2 -> b.getShort(at) & 0xFFFF;
                case 4 -> b.getInt(at) & 0xFFFFFFFFL;
                default -> b.getLong(at);
            };
            case 'i' -> switch (k) {
                case 1 -> b.get(at);
                case 2 -> b.getShort(at);
                case 4 -> b.getInt(at);
                default -> b.getLong(at);
            };
            case 'b' -> b.get(at);
            default -> k == 4 ? b.getFloat(at) : b.getDouble(at);
        };
    }

    static int dtypeSize(String dtype) {
        if (dtype.length() < 3 || "<>|=".indexOf(dtype.charAt(0)) < 0 || "uifb".indexOf(dtype.charAt(1)) < 0) {
            throw new IllegalArgumentException("dtype '" + dtype + "' is not supported");
        }
        int size = Integer.parseInt(dtype.substring(2));
        boolean ok = switch (dtype.charAt(1)) {
            case 'u', 'i' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'f' -> size == 4 || size == 8;
            default -> size == 1;
        };
        if (!ok) {
            throw new IllegalArgumentException("dtype '" + dtype + "' is not supported");
        }
        return size;
    }

    private static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
