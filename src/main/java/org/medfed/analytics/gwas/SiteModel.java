package org.medfed.analytics.gwas;

/**
 * A site's rows for the regression, and the arithmetic that turns them into sums for one variant. The
 * genotype is the only column that changes from variant to variant; rows with a missing genotype are
 * skipped for that variant (complete-case analysis, as in PLINK).
 *
 * <p>Arranged for speed, since a logistic study evaluates every sample about five times per variant: the
 * covariates are held by column, the linear predictor is built column by column, one pass computes each
 * sample's weight and residual with a single exponential, and the sums are then dot products over columns
 * with four running partial sums each (a fixed order, so results are the same at every run). The deviance's
 * {@code log(1 + e)} terms are multiplied together in blocks and a logarithm taken once per block: the
 * deviance only decides whether to halve a step.
 */
final class SiteModel {

    /** Factors 1 + e are at most 2, so a product of this many stays far below the largest double. */
    private static final int LOG_BLOCK = 512;

    private final DesignLayout layout;
    private final double[] y;
    private final double[][] covariates;
    private final int siteColumn;
    private final int local;
    private final int n;
    private final double[] eta;
    private final double[] weight;
    private final double[] residual;
    private final double[] genotype;
    private final double[] ones;
    private final double[][] weighted;

    /**
     * @param y phenotype of the kept samples
     * @param rows kept samples' covariates, {@code rows[i][j]}
     * @param siteIndex this site's position (its indicator column is 1 on all its rows)
     */
    SiteModel(DesignLayout layout, double[] y, double[][] rows, int siteIndex) {
        this.layout = layout;
        this.y = y;
        this.n = y.length;
        int k = layout.covariates().size();
        this.covariates = new double[k][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                covariates[j][i] = rows[i][j];
            }
        }
        this.siteColumn = layout.siteColumn(siteIndex);
        this.local = 2 + k;
        this.eta = new double[n];
        this.weight = new double[n];
        this.residual = new double[n];
        this.genotype = new double[n];
        this.ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        this.weighted = new double[local][n];
    }

    int samples() {
        return n;
    }

    /**
     * Adds the sums of one variant to {@code out} at slot {@code slot}.
     *
     * @param genotypes dosage of each kept sample, negative when missing; null for the null model (no
     *        genotype term, every kept sample)
     * @param betas coefficients, {@code layout.columns()} of them from {@code betaOffset}
     */
    void accumulate(GlmFamily family, byte[] genotypes, double[] betas, int betaOffset, ModelSums out, int slot) {
        int p = layout.columns();
        double b1 = betas[betaOffset + 1];
        double base = betas[betaOffset] + (siteColumn < 0 ? 0 : betas[betaOffset + siteColumn]);
        java.util.Arrays.fill(eta, base);
        for (int j = 0; j < covariates.length; j++) {
            double b = betas[betaOffset + 2 + j];
            double[] c = covariates[j];
            for (int i = 0; i < n; i++) {
                eta[i] += b * c[i];
            }
        }
        int called = 0;
        double deviance = 0;
        double product = 1;
        int inProduct = 0;
        boolean logistic = family == GlmFamily.LOGISTIC;
        for (int i = 0; i < n; i++) {
            int g = genotypes == null ? 0 : genotypes[i];
            if (g < 0) {
                // left out for this variant: a zero weight and residual add nothing to any sum
                genotype[i] = 0;
                weight[i] = 0;
                residual[i] = 0;
                continue;
            }
            called++;
            genotype[i] = g;
            double e = eta[i] + b1 * g;
            if (logistic) {
                // one exponential serves the mean and the deviance; q <= 1 keeps both finite
                double q = Math.exp(-Math.abs(e));
                double inverse = 1 / (1 + q);
                double mu = e >= 0 ? inverse : q * inverse;
                weight[i] = mu * (1 - mu);
                residual[i] = y[i] - mu;
                // -2 log-likelihood term 2 (max(e, 0) + log(1 + q) - y e), the logarithms taken per block
                deviance += Math.max(e, 0) - y[i] * e;
                product *= 1 + q;
                if (++inProduct == LOG_BLOCK) {
                    deviance += Math.log(product);
                    product = 1;
                    inProduct = 0;
                }
            } else {
                double r = y[i] - e;
                weight[i] = 1;
                residual[i] = r;
                deviance += r * r;
            }
        }
        if (logistic) {
            deviance = 2 * (deviance + Math.log(product));
        }
        // weighted[a] = w x_a; column 0 is the intercept (x = 1), 1 the genotype, then the covariates
        double[] h = new double[local * (local + 1) / 2];
        double[] score = new double[local];
        for (int a = 0; a < local; a++) {
            double[] wa = weighted[a];
            double[] xa = column(a);
            for (int i = 0; i < n; i++) {
                wa[i] = weight[i] * xa[i];
            }
        }
        int k = 0;
        for (int a = 0; a < local; a++) {
            score[a] = dot(residual, column(a));
            for (int b = a; b < local; b++) {
                h[k++] = dot(weighted[a], column(b));
            }
        }
        out.n()[slot] += called;
        out.deviance()[slot] += deviance;
        int hOffset = slot * layout.packedSize();
        int gOffset = slot * p;
        k = 0;
        for (int a = 0; a < local; a++) {
            out.score()[gOffset + a] += score[a];
            for (int b = a; b < local; b++) {
                out.hessian()[hOffset + DesignLayout.packed(p, a, b)] += h[k++];
            }
        }
        if (siteColumn >= 0) {
            // the indicator equals the intercept on every row of this site
            out.score()[gOffset + siteColumn] += score[0];
            for (int a = 0; a < local; a++) {
                out.hessian()[hOffset + DesignLayout.packed(p, a, siteColumn)] += h[DesignLayout.packed(local, 0, a)];
            }
            out.hessian()[hOffset + DesignLayout.packed(p, siteColumn, siteColumn)] += h[0];
        }
    }

    /** Column {@code a}: 0 the intercept (ones; a product with 1 is exact), 1 the genotype, 2 on the covariates. */
    private double[] column(int a) {
        return a == 0 ? ones : a == 1 ? genotype : covariates[a - 2];
    }

    private double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
