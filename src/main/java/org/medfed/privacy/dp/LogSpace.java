package org.medfed.privacy.dp;

import org.apache.commons.math3.special.Erf;

/**
 * Arithmetic on numbers kept as their logarithms, so that the huge and tiny terms of the Renyi divergence
 * series neither overflow nor vanish. Zero is {@code -Infinity}.
 */
final class LogSpace {

    /** Beyond this argument erfc underflows towards subnormal numbers; the asymptotic series takes over. */
    private static final double ERFC_ASYMPTOTIC_FROM = 25.0;

    private LogSpace() {
    }

    /** log(exp(a) + exp(b)). */
    static double add(double a, double b) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        if (lo == Double.NEGATIVE_INFINITY) {
            return hi;
        }
        return Math.log1p(Math.exp(lo - hi)) + hi;
    }

    /** log(exp(a) - exp(b)); the difference must not be negative. */
    static double subtract(double a, double b) {
        if (a < b) {
            throw new IllegalStateException("log-space subtraction would be negative: " + a + " - " + b);
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (a == b) {
            return Double.NEGATIVE_INFINITY;
        }
        double d = a - b;
        if (d > 700) {
            // exp(b) is far below the precision of exp(a)
            return a;
        }
        return Math.log(Math.expm1(d)) + b;
    }

    /**
     * log(erfc(x)), accurate also where erfc(x) underflows: there the Laurent series of log erfc at infinity
     * is used, {@code -x^2 - log(x) - log(pi)/2 - 1/(2x^2) + 5/(8x^4) - 37/(24x^6) + 353/(64x^8)}.
     */
    static double logErfc(double x) {
        if (x < ERFC_ASYMPTOTIC_FROM) {
            double r = Erf.erfc(x);
            if (r > 0) {
                return Math.log(r);
            }
        }
        double x2 = x * x;
        double inv2 = 1.0 / x2;
        return -0.5 * Math.log(Math.PI) - Math.log(x) - x2
                + inv2 * (-0.5 + inv2 * (0.625 + inv2 * (-37.0 / 24.0 + inv2 * (353.0 / 64.0))));
    }
}
