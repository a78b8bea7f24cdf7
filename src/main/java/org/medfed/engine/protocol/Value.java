package org.medfed.engine.protocol;

import java.util.Arrays;

/**
 * One typed value of a request or a reply. The kinds are the few a federation needs: float vectors (models,
 * gradients), 64-bit integer vectors (secure aggregation's masked values in Z_(2^k)), byte blocks (ciphertexts,
 * public keys), numbers and text. Each has an exact wire form, so a request means the same in process and over
 * the network.
 */
public sealed interface Value permits Value.Floats, Value.Longs, Value.Bytes, Value.Number, Value.Text {

    /** A float vector; the array is not copied, callers must not change it afterwards. */
    record Floats(float[] values) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof Floats f && Arrays.equals(values, f.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Floats[" + values.length + "]";
        }
    }

    /** A vector of 64-bit integers; not copied. */
    record Longs(long[] values) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof Longs l && Arrays.equals(values, l.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Longs[" + values.length + "]";
        }
    }

    /** A block of bytes; not copied. */
    record Bytes(byte[] bytes) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[" + bytes.length + "]";
        }
    }

    /** A number (counts are exact up to 2^53). */
    record Number(double value) implements Value {
    }

    /** A short text: an id, a name, a choice. */
    record Text(String text) implements Value {
        public Text {
            if (text == null) {
                throw new IllegalArgumentException("text value cannot be null");
            }
        }
    }

    /** How many numbers or bytes it holds (1 for a number or a text). */
    default int length() {
        if (this instanceof Floats f) {
            return f.values().length;
        }
        if (this instanceof Longs l) {
            return l.values().length;
        }
        if (this instanceof Bytes b) {
            return b.bytes().length;
        }
        return 1;
    }

    /** The kind's name, for messages. */
    default String kindName() {
        if (this instanceof Floats) {
            return "a vector of numbers";
        }
        if (this instanceof Longs) {
            return "a vector of integers";
        }
        if (this instanceof Bytes) {
            return "a block of bytes";
        }
        if (this instanceof Number) {
            return "a number";
        }
        return "a text";
    }
}
