package org.medfed.data.image;

/**
 * Intensity normalisation after resizing: none, per-image min/max to [0, 1], per-image z-score, or a fixed
 * {@code (x - mean) / std} that is the same at every hospital (for example pooled statistics computed
 * federatedly).
 *
 * @param kind which normalisation
 * @param mean the fixed mean (FIXED only)
 * @param std the fixed standard deviation (FIXED only)
 */
public record Normalisation(Kind kind, double mean, double std) {

    public enum Kind { NONE, MIN_MAX, Z_SCORE, FIXED }

    public Normalisation {
        if (kind == Kind.FIXED && !(std > 0)) {
            throw new IllegalArgumentException("a fixed normalisation needs a positive standard deviation");
        }
    }

    public static Normalisation none() {
        return new Normalisation(Kind.NONE, 0, 1);
    }

    public static Normalisation minMax() {
        return new Normalisation(Kind.MIN_MAX, 0, 1);
    }

    public static Normalisation zScore() {
        return new Normalisation(Kind.Z_SCORE, 0, 1);
    }

    public static Normalisation fixed(double mean, double std) {
        return new Normalisation(Kind.FIXED, mean, std);
    }

    /** Normalises in place. A constant image becomes zeros under MIN_MAX and Z_SCORE. */
    void apply(float[] v) {
        switch (kind) {
            case NONE -> { }
            case FIXED -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) ((v[i] - mean) / std);
                }
            }
            case MIN_MAX -> {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (float x : v) {
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
                double range = max - min;
                for (int i = 0; i < v.length; i++) {
                    v[i] = range == 0 ? 0f : (float) ((v[i] - min) / range);
                }
            }
            case Z_SCORE -> {
                double sum = 0;
                for (float x : v) {
                    sum += x;
                }
                double m = sum / v.length;
                double ss = 0;
                for (float x : v) {
                    ss += (x - m) * (x - m);
                }
                double sd = Math.sqrt(ss / v.length);
                for (int i = 0; i < v.length; i++) {
                    v[i] = sd == 0 ? 0f : (float) ((v[i] - m) / sd);
                }
            }
        }
    }
}
