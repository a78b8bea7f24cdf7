package org.medfed.engine;

import java.util.Arrays;

/**
 * A model's parameters as one flat vector, the unit that travels between participants and the aggregator.
 *
 * <p>Immutable: the array is copied in and out, so a strategy can never change a participant's update by
 * accident. Arithmetic on whole vectors lives in {@link VectorMath}.
 */
public final class ModelVector {

    private final float[] values;

    private ModelVector(float[] values) {
        this.values = values;
    }

    /** A vector holding a copy of {@code values}. */
    public static ModelVector of(float[] values) {
        return new ModelVector(values.clone());
    }

    /** A vector that takes ownership of {@code values}: the caller must not change the array afterwards. */
    public static ModelVector wrap(float[] values) {
        return new ModelVector(values);
    }

    public static ModelVector zeros(int size) {
        return new ModelVector(new float[size]);
    }

    public int size() {
        return values.length;
    }

    public float get(int index) {
        return values[index];
    }

    /** A copy of the values. */
    public float[] toArray() {
        return values.clone();
    }

    /** Read-only access for arithmetic without copying; callers must not write into it. */
    float[] unsafeValues() {
        return values;
    }

    /** Euclidean norm, accumulated in double. */
    public double l2Norm() {
        double s = 0;
        for (float v : values) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    public boolean isFinite() {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelVector other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        int shown = Math.min(values.length, 4);
        StringBuilder sb = new StringBuilder("ModelVector[").append(values.length).append("](");
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return sb.append(values.length > shown ? ", ...)" : ")").toString();
    }
}
