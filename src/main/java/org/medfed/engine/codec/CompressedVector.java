package org.medfed.engine.codec;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.medfed.engine.protocol.ProtocolException;

/**
 * The wire form of a compressed vector, self-describing: a tag, the vector's length, then either every value or
 * the kept positions (gaps as variable-length integers) with their values, each value as a float32 or as a
 * stochastically rounded b-bit code in its bucket's [min, max] (QSGD-style, Alistarh et al. 2017: unbiased, the
 * expectation of a decoded value is the value). Decoding needs nothing but the bytes.
 */
public final class CompressedVector {

    /** Values per quantisation bucket: each bucket sends its minimum and step as two float32s. */
    public static final int BUCKET = 512;

    private static final byte DENSE_FLOAT = 0;
    private static final byte DENSE_QUANTISED = 1;
    private static final byte SPARSE_FLOAT = 2;
    private static final byte SPARSE_QUANTISED = 3;

    private CompressedVector() {
    }

    /** Every value as a float32 (lossless). */
    public static byte[] dense(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(5 + 4 * v.length);
        b.put(DENSE_FLOAT).putInt(v.length);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    /** Every value as a {@code bits}-bit stochastically rounded code. */
    public static byte[] quantised(float[] v, int bits, SplittableRandom random) {
        checkBits(bits);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, DENSE_QUANTISED, v.length);
        out.write(bits);
        writeCodes(out, v, bits, random);
        return out.toByteArray();
    }

    /**
     * The {@code k} values of largest magnitude (ties: the lower position), as float32s ({@code bits} = 32) or as
     * stochastically rounded codes.
     */
    public static byte[] sparse(float[] v, int k, int bits, SplittableRandom random) {
        if (bits != 32) {
            checkBits(bits);
        }
        int[] kept = largest(v, k);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, bits == 32 ? SPARSE_FLOAT : SPARSE_QUANTISED, v.length);
        writeVarint(out, kept.length);
        int previous = -1;
        for (int i : kept) {
            writeVarint(out, i - previous - 1);
            previous = i;
        }
        float[] values = new float[kept.length];
        for (int j = 0; j < kept.length; j++) {
            values[j] = v[kept[j]];
        }
        if (bits == 32) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length);
            for (float x : values) {
                b.putFloat(x);
            }
            out.writeBytes(b.array());
        } else {
            out.write(bits);
            writeCodes(out, values, bits, random);
        }
        return out.toByteArray();
    }

    /** The vector {@code bytes} encode; a {@link ProtocolException} when they are not one of {@code length}. */
    public static float[] decode(byte[] bytes, int length) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte tag = b.get();
            int n = b.getInt();
            if (n != length) {
                throw new ProtocolException("a compressed update holds " + n + " values where the model has " + length);
            }
            float[] out = new float[n];
            switch (tag) {
                case DENSE_FLOAT -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = b.getFloat();
                    }
                }
                case DENSE_QUANTISED -> {
                    float[] values = readCodes(b, n);
                    System.arraycopy(values, 0, out, 0, n);
                }
                case SPARSE_FLOAT, SPARSE_QUANTISED -> {
                    int k = readVarint(b);
                    if (k < 0 || k > n) {
                        throw new ProtocolException("a compressed update keeps " + k + " of " + n + " values");
                    }
                    int[] positions = new int[k];
                    int previous = -1;
                    for (int j = 0; j < k; j++) {
                        long position = (long) previous + 1 + readVarint(b);
                        if (position >= n) {
                            throw new ProtocolException("a compressed update names position " + position
                                    + " of a model of " + n + " values");
                        }
                        positions[j] = (int) position;
                        previous = positions[j];
                    }
                    float[] values = new float[k];
                    if (tag == SPARSE_FLOAT) {
                        for (int j = 0; j < k; j++) {
                            values[j] = b.getFloat();
                        }
                    } else {
                        values = readCodes(b, k);
                    }
                    for (int j = 0; j < k; j++) {
                        out[positions[j]] = values[j];
                    }
                }
                default -> throw new ProtocolException("unknown compressed-update format " + tag);
            }
            if (b.hasRemaining()) {
                throw new ProtocolException("a compressed update has " + b.remaining() + " bytes too many");
            }
            return out;
        } catch (BufferUnderflowException e) {
            throw new ProtocolException("a compressed update ends too early");
        }
    }

    /** Positions of the {@code k} largest magnitudes, ascending; ties go to the lower position. */
    static int[] largest(float[] v, int k) {
        int n = v.length;
        int keep = Math.max(0, Math.min(k, n));
        if (keep == 0) {
            return new int[0];
        }
        float[] magnitudes = new float[n];
        for (int i = 0; i < n; i++) {
            magnitudes[i] = Math.abs(v[i]);
        }
        float[] sorted = magnitudes.clone();
        Arrays.sort(sorted);
        float threshold = sorted[n - keep];
        int above = 0;
        for (float m : magnitudes) {
            if (m > threshold) {
                above++;
            }
        }
        int equalAllowed = keep - above;
        int[] out = new int[keep];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (magnitudes[i] > threshold || (magnitudes[i] == threshold && equalAllowed-- > 0)) {
                out[j++] = i;
            }
        }
        return out;
    }

    private static void checkBits(int bits) {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("quantisation takes 1 to 16 bits per value, not " + bits);
        }
    }

    private static void header(ByteArrayOutputStream out, byte tag, int length) {
        out.write(tag);
        out.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
    }

    /**
     * Buckets of {@link #BUCKET} values, each as its min and step (float32) and a code per value in [0, 2^bits - 1]
     * rounded up with probability equal to the remainder, so that min + code * step is the value in expectation.
     */
    private static void writeCodes(ByteArrayOutputStream out, float[] v, int bits, SplittableRandom random) {
        int levels = (1 << bits) - 1;
        int buckets = (v.length + BUCKET - 1) / BUCKET;
        ByteBuffer scales = ByteBuffer.allocate(8 * buckets);
        int[] codes = new int[v.length];
        for (int bucket = 0; bucket < buckets; bucket++) {
            int from = bucket * BUCKET;
            int to = Math.min(v.length, from + BUCKET);
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                min = Math.min(min, v[i]);
                max = Math.max(max, v[i]);
            }
            float step = (max - min) / levels;
            scales.putFloat(min).putFloat(step);
            for (int i = from; i < to; i++) {
                if (step == 0) {
                    codes[i] = 0;
                    continue;
                }
                double t = (v[i] - min) / (double) step;
                int low = (int) Math.floor(t);
                double up = t - low;
                int code = low + (random.nextDouble() < up ? 1 : 0);
                codes[i] = Math.max(0, Math.min(levels, code));
            }
        }
        out.writeBytes(scales.array());
        out.writeBytes(pack(codes, bits));
    }

    private static float[] readCodes(ByteBuffer b, int n) {
        int bits = b.get();
        if (bits < 1 || bits > 16) {
            throw new ProtocolException("a compressed update uses " + bits + " bits per value");
        }
        int buckets = (n + BUCKET - 1) / BUCKET;
        float[] min = new float[buckets];
        float[] step = new float[buckets];
        for (int i = 0; i < buckets; i++) {
            min[i] = b.getFloat();
            step[i] = b.getFloat();
        }
        byte[] packed = new byte[(int) (((long) n * bits + 7) / 8)];
        b.get(packed);
        int[] codes = unpack(packed, n, bits);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            int bucket = i / BUCKET;
            out[i] = min[bucket] + codes[i] * step[bucket];
        }
        return out;
    }

    static byte[] pack(int[] codes, int bits) {
        byte[] out = new byte[(int) (((long) codes.length * bits + 7) / 8)];
        long bit = 0;
        for (int code : codes) {
            for (int k = 0; k < bits; k++, bit++) {
                if ((code >>> k & 1) != 0) {
                    out[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        return out;
    }

    static int[] unpack(byte[] packed, int n, int bits) {
        int[] out = new int[n];
        long bit = 0;
        for (int i = 0; i < n; i++) {
            int code = 0;
            for (int k = 0; k < bits; k++, bit++) {
                if ((packed[(int) (bit >>> 3)] >>> (bit & 7) & 1) != 0) {
                    code |= 1 << k;
                }
            }
            out[i] = code;
        }
        return out;
    }

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static int readVarint(ByteBuffer b) {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte x = b.get();
            result |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return result;
            }
        }
        throw new ProtocolException("a compressed update has a malformed position");
    }
}
