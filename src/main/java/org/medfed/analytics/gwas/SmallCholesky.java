package org.medfed.analytics.gwas;

/**
 * Cholesky factor of a small symmetric positive-definite matrix (a per-variant Hessian, a handful of rows).
 *
 * <p>Written by hand rather than with commons-math because commons-math judges positive definiteness
 * against an absolute threshold, while these Hessians range over many orders of magnitude (weights
 * mu(1-mu) can be tiny). Here a pivot counts as zero when it is below 1e-10 of its diagonal element:
 * a genotype that does not vary, or is collinear with the covariates.
 */
final class SmallCholesky {

    private static final double RELATIVE_PIVOT = 1e-10;

    private final int p;
    private final double[] l;

    private SmallCholesky(int p, double[] l) {
        this.p = p;
        this.l = l;
    }

    /** Factor of the packed upper triangle at {@code offset}, or null when the matrix is singular. */
    static SmallCholesky of(double[] packed, int offset, int p) {
        double[] l = new double[p * p];
        for (int j = 0; j < p; j++) {
            double diagonal = packed[offset + DesignLayout.packed(p, j, j)];
            double sum = diagonal;
            for (int k = 0; k < j; k++) {
                sum -= l[j * p + k] * l[j * p + k];
            }
            if (!(sum > RELATIVE_PIVOT * Math.abs(diagonal)) || !(diagonal > 0)) {
                return null;
            }
            double root = Math.sqrt(sum);
            l[j * p + j] = root;
            for (int i = j + 1; i < p; i++) {
                double s = packed[offset + DesignLayout.packed(p, j, i)];
                for (int k = 0; k < j; k++) {
                    s -= l[i * p + k] * l[j * p + k];
                }
                l[i * p + j] = s / root;
            }
        }
        return new SmallCholesky(p, l);
    }

    /** Solves A x = b. */
    double[] solve(double[] b, int offset) {
        double[] x = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[offset + i];
            for (int k = 0; k < i; k++) {
                s -= l[i * p + k] * x[k];
            }
            x[i] = s / l[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k * p + i] * x[k];
            }
            x[i] = s / l[i * p + i];
        }
        return x;
    }

    /** Element (j, j) of the inverse: the variance factor of coefficient j. */
    double inverseDiagonal(int j) {
        double[] e = new double[p];
        e[j] = 1;
        return solve(e, 0)[j];
    }
}
