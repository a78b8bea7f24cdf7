package org.medfed.engine.strategy;

import java.util.Locale;

/**
 * A numeric parameter (of a strategy, a robust rule or an attack) as a form shows it: name, label, default, the
 * allowed range, whether it is a whole number, and a one-line explanation. {@link #check} gives the message shown
 * next to the field.
 */
public record ParameterSpec(String name, String label, double defaultValue, double min, boolean minInclusive,
                            double max, boolean maxInclusive, String explanation, boolean whole) {

    public ParameterSpec(String name, String label, double defaultValue, double min, boolean minInclusive,
                         double max, boolean maxInclusive, String explanation) {
        this(name, label, defaultValue, min, minInclusive, max, maxInclusive, explanation, false);
    }

    /** A whole number in [min, +inf). */
    public static ParameterSpec count(String name, String label, double defaultValue, long min, String explanation) {
        return new ParameterSpec(name, label, defaultValue, min, true, Double.POSITIVE_INFINITY, false, explanation,
                true);
    }

    /** A value in (0, +inf). */
    public static ParameterSpec positive(String name, String label, double defaultValue, String explanation) {
        return new ParameterSpec(name, label, defaultValue, 0, false, Double.POSITIVE_INFINITY, false, explanation);
    }

    /** A value in [0, +inf). */
    public static ParameterSpec nonNegative(String name, String label, double defaultValue, String explanation) {
        return new ParameterSpec(name, label, defaultValue, 0, true, Double.POSITIVE_INFINITY, false, explanation);
    }

    /** A value in [0, 1). */
    public static ParameterSpec unitInterval(String name, String label, double defaultValue, String explanation) {
        return new ParameterSpec(name, label, defaultValue, 0, true, 1, false, explanation);
    }

    /** Null when {@code value} is allowed, else what is wrong with it, for a message next to the field. */
    public String check(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return label + " must be a number";
        }
        if (whole && value != Math.rint(value)) {
            return label + " must be a whole number, was " + format(value);
        }
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        if (aboveMin && belowMax) {
            return null;
        }
        return label + " must be " + rangeText() + ", was " + format(value);
    }

    /** The allowed range in words: "> 0", "in [0, 1)". */
    public String rangeText() {
        if (Double.isInfinite(max)) {
            return (minInclusive ? ">= " : "> ") + format(min);
        }
        return "in " + (minInclusive ? "[" : "(") + format(min) + ", " + format(max) + (maxInclusive ? "]" : ")");
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
