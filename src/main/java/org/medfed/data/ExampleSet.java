package org.medfed.data;

import java.util.Arrays;

/**
 * Model-ready examples of one participant's split: each input a flat float vector of {@code inputShape}
 * (features for tables; channels x height x width for images), with its class label, and for segmentation a
 * target mask of height x width.
 *
 * <p>The arrays are shared, not copied: an example set is built once and only read afterwards.
 */
public record ExampleSet(int[] inputShape, float[][] inputs, int[] labels, int classCount, float[][] masks) {

    public ExampleSet {
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(inputs.length + " inputs for " + labels.length + " labels");
        }
        if (masks != null && masks.length != inputs.length) {
            throw new IllegalArgumentException(masks.length + " masks for " + inputs.length + " inputs");
        }
        int width = Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
        for (float[] x : inputs) {
            if (x.length != width) {
                throw new IllegalArgumentException("input of length " + x.length + " where shape "
                        + Arrays.toString(inputShape) + " needs " + width);
            }
        }
    }

    /** A classification set without masks. */
    public static ExampleSet classification(int[] inputShape, float[][] inputs, int[] labels, int classCount) {
        return new ExampleSet(inputShape, inputs, labels, classCount, null);
    }

    public int size() {
        return inputs.length;
    }

    /** Length of one flat input. */
    public int inputLength() {
        return Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
    }

    /** Examples per class. */
    public int[] classCounts() {
        int[] counts = new int[classCount];
        for (int y : labels) {
            counts[y]++;
        }
        return counts;
    }

    /** The examples at {@code indices}, in that order. */
    public ExampleSet subset(int[] indices) {
        float[][] x = new float[indices.length][];
        int[] y = new int[indices.length];
        float[][] m = masks == null ? null : new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            x[i] = inputs[indices[i]];
            y[i] = labels[indices[i]];
            if (m != null) {
                m[i] = masks[indices[i]];
            }
        }
        return new ExampleSet(inputShape, x, y, classCount, m);
    }

    /** This set followed by {@code other}, for pooled baselines. */
    public ExampleSet concat(ExampleSet other) {
        if (!Arrays.equals(inputShape, other.inputShape) || classCount != other.classCount) {
            throw new IllegalArgumentException("cannot pool examples of different shapes or class counts");
        }
        float[][] x = Arrays.copyOf(inputs, size() + other.size());
        System.arraycopy(other.inputs, 0, x, size(), other.size());
        int[] y = Arrays.copyOf(labels, size() + other.size());
        System.arraycopy(other.labels, 0, y, size(), other.size());
        float[][] m = null;
        if (masks != null && other.masks != null) {
            m = Arrays.copyOf(masks, size() + other.size());
            System.arraycopy(other.masks, 0, m, size(), other.size());
        }
        return new ExampleSet(inputShape, x, y, classCount, m);
    }
}
