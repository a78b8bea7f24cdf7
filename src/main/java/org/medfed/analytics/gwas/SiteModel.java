package org.medfed.analytics.gwas;

/**
 * A site's rows for the regression, and the arithmetic that turns them into sums for one variant. The
 * genotype is the only column that changes from variant to variant; rows with a missing genotype are
 * skipped for that variant (complete-case analysis, as in PLINK).
 */
final class SiteModel {

    private final DesignLayout layout;
    private final double[] y;
    private final double[][] covariates;
    private final int siteColumn;
    private final int local;
    private final double[] x;

    /**
     * @param y phenotype of the kept samples
     * @param covariates kept samples' covariates, {@code covariates[i][j]}
     * @param siteIndex this site's position (its indicator column is 1 on all its rows)
     */
    SiteModel(DesignLayout layout, double[] y, double[][] covariates, int siteIndex) {
        this.layout = layout;
        this.y = y;
        this.covariates = covariates;
        this.siteColumn = layout.siteColumn(siteIndex);
        this.local = 2 + layout.covariates().size();
        this.x = new double[local];
    }

    int samples() {
        return y.length;
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
        double[] h = new double[local * (local + 1) / 2];
        double[] g = new double[local];
        double siteEffect = siteColumn < 0 ? 0 : betas[betaOffset + siteColumn];
        double deviance = 0;
        int n = 0;
        x[0] = 1;
        for (int i = 0; i < y.length; i++) {
            if (genotypes != null && genotypes[i] < 0) {
                continue;
            }
            n++;
            x[1] = genotypes == null ? 0 : genotypes[i];
            double[] c = covariates[i];
            double eta = betas[betaOffset] + betas[betaOffset + 1] * x[1] + siteEffect;
            for (int j = 0; j < c.length; j++) {
                x[2 + j] = c[j];
                eta += betas[betaOffset + 2 + j] * c[j];
            }
            double w;
            double residual;
            if (family == GlmFamily.LOGISTIC) {
                // one exponential serves both the mean and the deviance; e <= 1 keeps both finite
                double e = Math.exp(-Math.abs(eta));
                double mu = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
                w = mu * (1 - mu);
                residual = y[i] - mu;
                // -2 log-likelihood term 2 (log(1 + e^eta) - y eta); log(1 + e) rather than log1p: the deviance
                // only decides whether to halve a step, and Math.log is several times faster
                deviance += 2 * (Math.max(eta, 0) + Math.log(1 + e) - y[i] * eta);
            } else {
                w = 1;
                residual = y[i] - eta;
                deviance += residual * residual;
            }
            int k = 0;
            for (int a = 0; a < local; a++) {
                double wa = w * x[a];
                g[a] += residual * x[a];
                for (int b = a; b < local; b++) {
                    h[k++] += wa * x[b];
                }
            }
        }
        out.n()[slot] += n;
        out.deviance()[slot] += deviance;
        int hOffset = slot * layout.packedSize();
        int gOffset = slot * p;
        int k = 0;
        for (int a = 0; a < local; a++) {
            out.score()[gOffset + a] += g[a];
            for (int b = a; b < local; b++) {
                out.hessian()[hOffset + DesignLayout.packed(p, a, b)] += h[k++];
            }
        }
        if (siteColumn >= 0) {
            // the indicator equals the intercept on every row of this site
            out.score()[gOffset + siteColumn] += g[0];
            for (int a = 0; a < local; a++) {
                out.hessian()[hOffset + DesignLayout.packed(p, a, siteColumn)] += h[DesignLayout.packed(local, 0, a)];
            }
            out.hessian()[hOffset + DesignLayout.packed(p, siteColumn, siteColumn)] += h[0];
        }
    }
}
