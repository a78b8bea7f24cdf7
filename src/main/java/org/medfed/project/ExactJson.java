package org.medfed.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * Numbers and vectors in JSON that read back bit for bit, so that a resumed run is the run that was interrupted.
 * Doubles are written as JSON numbers in Java's shortest round-trip form, or as the texts "NaN", "Infinity" and
 * "-Infinity"; float and 64-bit integer vectors as base64 of their little-endian bytes (the raw bits, NaN payloads
 * included), which is also about a third of the size of decimal text.
 */
final class ExactJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExactJson() {
    }

    static JsonNode number(double v) {
        return Double.isFinite(v) ? NODES.numberNode(v) : NODES.textNode(Double.toString(v));
    }

    static double number(JsonNode node, String what) {
        if (node != null && node.isNumber()) {
            return node.doubleValue();
        }
        if (node != null && node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new CheckpointFormatException(what + " is " + describe(node) + ", expected a number");
    }

    static long whole(JsonNode node, String what) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new CheckpointFormatException(what + " is " + describe(node) + ", expected a whole number");
        }
        return node.longValue();
    }

    static int integer(JsonNode node, String what) {
        long v = whole(node, what);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new CheckpointFormatException(what + " is " + v + ", too large");
        }
        return (int) v;
    }

    static String text(JsonNode node, String what) {
        if (node == null || !node.isTextual()) {
            throw new CheckpointFormatException(what + " is " + describe(node) + ", expected a text");
        }
        return node.textValue();
    }

    static boolean flag(JsonNode node, String what) {
        if (node == null || !node.isBoolean()) {
            throw new CheckpointFormatException(what + " is " + describe(node) + ", expected true or false");
        }
        return node.booleanValue();
    }

    static JsonNode floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return NODES.textNode(Base64.getEncoder().encodeToString(b.array()));
    }

    static float[] floats(JsonNode node, String what) {
        byte[] bytes = bytes(node, what);
        if (bytes.length % 4 != 0) {
            throw new CheckpointFormatException(what + " holds " + bytes.length
                    + " bytes, not a whole number of floats");
        }
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    static JsonNode longs(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return NODES.textNode(Base64.getEncoder().encodeToString(b.array()));
    }

    static long[] longs(JsonNode node, String what) {
        byte[] bytes = bytes(node, what);
        if (bytes.length % 8 != 0) {
            throw new CheckpointFormatException(what + " holds " + bytes.length
                    + " bytes, not a whole number of 64-bit integers");
        }
        long[] out = new long[bytes.length / 8];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    static JsonNode bytes(byte[] values) {
        return NODES.textNode(Base64.getEncoder().encodeToString(values));
    }

    static byte[] bytes(JsonNode node, String what) {
        String text = text(node, what);
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(what + " is not valid base64: " + e.getMessage(), e);
        }
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        String shown = node.toString();
        return shown.length() > 40 ? shown.substring(0, 40) + "..." : shown;
    }
}
