package org.medfed.analytics.gwas;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * Upper-tail p-values of the association statistics, with -log10 p that stays finite where the p-value
 * itself underflows (a very strong hit must still plot at the right height, not at infinity).
 */
public final class Tails {

    private static final double LN10 = Math.log(10);

    private Tails() {
    }

    /** P(X > x) for a chi-square with 1 degree of freedom (also the two-sided normal p for x = z^2). */
    public static double chiSquare1(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        // commons-numbers' rational approximations: a study takes one per variant, and commons-math's continued
        // fraction (log Gamma(1/2) again at every call) took half of the coordinator thread's CPU in a repeated trend
        // study
        return x <= 0 ? 1.0 : Erfc.value(Math.sqrt(x / 2));
    }

    /** -log10 of {@link #chiSquare1}, accurate far below the smallest double. */
    public static double chiSquare1NegLog10(double x) {
        return chiSquare1NegLog10(x, chiSquare1(x));
    }

    /** As {@link #chiSquare1NegLog10(double)} when {@code p = chiSquare1(x)} is at hand: the tail is not taken twice. */
    public static double chiSquare1NegLog10(double x, double p) {
        if (Double.isNaN(p) || p > 1e-290) {
            return -Math.log10(p);
        }
        // asymptotic series of erfc(y) = exp(-y^2) / (y sqrt(pi)) * (1 - 1/(2y^2) + 3/(4y^4) - ...)
        double y = Math.sqrt(x / 2);
        double y2 = y * y;
        double ln = -y2 - Math.log(y * Math.sqrt(Math.PI)) + Math.log1p(-1 / (2 * y2) + 3 / (4 * y2 * y2));
        return -ln / LN10;
    }

    /** Two-sided p-value of Student's t with {@code df} degrees of freedom. */
    public static double studentTwoSided(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) {
            return Double.NaN;
        }
        return Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    /** -log10 of {@link #studentTwoSided}, accurate where the p-value underflows. */
    public static double studentTwoSidedNegLog10(double t, double df) {
        double p = studentTwoSided(t, df);
        if (Double.isNaN(p) || p > 1e-290) {
            return -Math.log10(p);
        }
        // I_x(a,b) = x^a (1-x)^b / (a B(a,b)) * 2F1(a+b, 1; a+1; x), summed in logs (x is tiny here)
        double a = df / 2;
        double b = 0.5;
        double x = df / (df + t * t);
        double series = 1;
        double term = 1;
        for (int n = 0; n < 10_000 && term > 1e-17 * series; n++) {
            term *= (a + b + n) / (a + 1 + n) * x;
            series += term;
        }
        double ln = a * Math.log(x) + b * Math.log1p(-x) - Math.log(a) - Beta.logBeta(a, b) + Math.log(series);
        return -ln / LN10;
    }

    /**
     * The 1-df chi-square with the same upper tail as {@code p}, so that the inflation factor can be taken
     * from t-tests too. Exact where it matters for a median (p above 1e-15); smaller p-values, where the
     * inverse error function runs out of precision, give infinity.
     */
    public static double chiSquare1Equivalent(double p) {
        if (Double.isNaN(p)) {
            return Double.NaN;
        }
        if (p >= 1) {
            return 0;
        }
        double z = Erf.erfcInv(p);
        return 2 * z * z;
    }
}
