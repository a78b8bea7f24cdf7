package org.medfed.privacy.dp;

/** Scaling a vector down to an L2 bound: the step that bounds one participant's (or example's) influence. */
public final class L2Clip {

    private L2Clip() {
    }

    /** Euclidean norm, accumulated in double. */
    public static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    public static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /**
     * The factor {@code min(1, bound / norm)} that brings a vector of norm {@code norm} within {@code bound}
     * (Abadi et al. 2016: {@code g / max(1, ||g|| / C)}).
     */
    public static double factor(double norm, double bound) {
        return norm > bound ? bound / norm : 1.0;
    }

    /** Scales {@code v} in place to norm at most {@code bound}; returns the norm it had before. */
    public static double clipInPlace(double[] v, double bound) {
        double n = norm(v);
        double f = factor(n, bound);
        if (f < 1) {
            for (int i = 0; i < v.length; i++) {
                v[i] *= f;
            }
        }
        return n;
    }
}
