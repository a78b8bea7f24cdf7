package org.medfed.analytics.gwas;

import java.util.Arrays;

/**
 * A site's rows for the regression, and the arithmetic that turns them into sums for one variant. The
 * genotype is the only column that changes from variant to variant; rows with a missing genotype are
 * skipped for that variant (complete-case analysis, as in PLINK).
 *
 * <p>Arranged for speed, since a logistic study evaluates every sample about four times per variant: the
 * covariates are held by column, the linear predictor is built column by column, the exponentials are taken in
 * a loop of their own (one per sample serves the mean and the deviance), each sample's weight and residual in
 * another without a branch (which C2 vectorises), and the sums among the intercept, the genotype and two
 * covariates in one pass ({@link FourColumnSums}; further covariates by dot products with four running partial
 * sums). Every order of additions is fixed, so results are the same at every run. The deviance's
 * {@code log(1 + q)} terms are multiplied together in blocks and a logarithm taken once per block: the deviance
 * only decides whether to halve a step.
 *
 * <p>Every variant's first Newton round is at the fit without genotype (genotype coefficient 0), where each
 * sample's mean, weight, residual and deviance are the same for all variants. They are computed once per
 * coefficient vector ({@link NullState}), with the sums over every kept sample; a variant's sums there are
 * those minus its samples with a missing genotype, plus the genotype's own sums: no exponential, and
 * three dot products instead of fourteen (with two covariates). Which path serves a request depends only on the request
 * (a genotype coefficient of exactly 0), so answers stay a function of the question.
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
    /** exp(-|e|) of each sample's linear predictor e (logistic model). */
    private final double[] q;
    /** Each sample's deviance term but its logarithm (logistic model). */
    private final double[] term;
    private final double[] genotype;
    private final double[] ones;
    private final double[] zeros;
    private final double[][] weighted;
    private final double[] h;
    private final double[] score;
    private final double[] h4 = new double[FourColumnSums.PACKED];
    private final double[] score4 = new double[FourColumnSums.COLUMNS];
    private final double[] genotypeWeight;
    private final int[] missing;
    private final double[] leftWeight;
    private final double[] leftResidual;
    private final double[] leftWeighted;
    private NullState nullState;

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
        this.q = new double[n];
        this.term = new double[n];
        this.genotype = new double[n];
        this.ones = new double[n];
        Arrays.fill(ones, 1);
        this.zeros = new double[n];
        // weighted columns only serve the dot products of covariates past the four summed in one pass
        this.weighted = new double[local][];
        for (int a = 1; local > FourColumnSums.COLUMNS && a < local; a++) {
            weighted[a] = new double[n];
        }
        this.h = new double[local * (local + 1) / 2];
        this.score = new double[local];
        this.genotypeWeight = new double[n];
        this.missing = new int[n];
        this.leftWeight = new double[n];
        this.leftResidual = new double[n];
        this.leftWeighted = new double[n];
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
        if (betas[betaOffset + DesignLayout.GENOTYPE] == 0) {
            accumulateAtNull(family, genotypes, betas, betaOffset, out, slot);
        } else {
            accumulateGeneral(family, genotypes, betas, betaOffset, out, slot);
        }
    }

    /** The sums by a full pass over the samples, at any coefficients. */
    void accumulateGeneral(GlmFamily family, byte[] genotypes, double[] betas, int betaOffset, ModelSums out,
            int slot) {
        int left = genotypeColumn(genotypes);
        predictor(betas, betaOffset);
        double b1 = betas[betaOffset + DesignLayout.GENOTYPE];
        // in separate loops, so that all but the exponential are elementwise and the exponential (a call) has no
        // running sum live across it
        for (int i = 0; i < n; i++) {
            eta[i] += b1 * genotype[i];
        }
        double deviance = family == GlmFamily.LOGISTIC ? logisticTerms(left) : linearTerms(left);
        sums(weight, residual, genotype);
        add(out, slot, n - left, deviance);
    }

    /**
     * Sets {@link #genotype} from the dosages (0 where missing, none for the null model) and lists the samples with
     * a missing genotype in {@link #missing}; returns how many.
     */
    private int genotypeColumn(byte[] genotypes) {
        if (genotypes == null) {
            Arrays.fill(genotype, 0);
            return 0;
        }
        int left = 0;
        for (int i = 0; i < n; i++) {
            int g = genotypes[i];
            if (g < 0) {
                missing[left++] = i;
                g = 0;
            }
            genotype[i] = g;
        }
        return left;
    }

    /**
     * Weights, residuals and the deviance of the logistic model at the linear predictor {@link #eta}, the first
     * {@code left} samples of {@link #missing} left out (zero weight and residual add nothing to any sum).
     */
    private double logisticTerms(int left) {
        logisticSamples();
        for (int t = 0; t < left; t++) {
            int i = missing[t];
            weight[i] = 0;
            residual[i] = 0;
            term[i] = 0;
            q[i] = 0;
        }
        double deviance = 0;
        for (int start = 0; start < n; start += LOG_BLOCK) {
            int end = Math.min(n, start + LOG_BLOCK);
            double sum = 0;
            double product = 1;
            for (int i = start; i < end; i++) {
                sum += term[i];
                product *= 1 + q[i];
            }
            deviance += sum + Math.log(product);
        }
        return 2 * deviance;
    }

    /**
     * Every sample's {@link #q}, {@link #weight}, {@link #residual} and {@link #term} of the logistic model at the
     * linear predictor {@link #eta}.
     */
    private void logisticSamples() {
        // one exponential serves the mean and the deviance; q <= 1 keeps both finite
        for (int i = 0; i < n; i++) {
            q[i] = Math.exp(-Math.abs(eta[i]));
        }
        for (int i = 0; i < n; i++) {
            double e = eta[i];
            double inverse = 1 / (1 + q[i]);
            double mu = meanNumerator(e, q[i]) * inverse;
            weight[i] = mu * (1 - mu);
            residual[i] = y[i] - mu;
            // half the -2 log-likelihood term, less its log(1 + q), which the callers add as they need it
            term[i] = Math.max(e, 0) - y[i] * e;
        }
    }

    /**
     * The numerator of the mean {@code mu = numerator / (1 + q)}, from {@code q = exp(-|e|)}: 1 where e >= 0, q where
     * e < 0 (at e = 0, q is 1 and both are 1). Taken by min and max, which C2 vectorises with the rest of the loop: a
     * branch on the sign of e is as unpredictable as the outcome, and neither a conditional nor a mask of bits is
     * vectorised (measured 2x slower loop). Every double e > 0 times 2^1200 is at least 1 (the smallest is
     * 2^-1074) and every e <= 0 gives at most 0, so the clamp to [0, 1] is 1 for e > 0 and 0 otherwise.
     */
    static double meanNumerator(double e, double q) {
        double positive = Math.min(Math.max(e * 0x1p600 * 0x1p600, 0), 1);
        return Math.max(q, positive);
    }

    /** Weights (1), residuals and residual sum of squares of the linear model, as {@link #logisticTerms}. */
    private double linearTerms(int left) {
        linearSamples();
        for (int t = 0; t < left; t++) {
            int i = missing[t];
            weight[i] = 0;
            residual[i] = 0;
        }
        double deviance = 0;
        for (int i = 0; i < n; i++) {
            deviance += residual[i] * residual[i];
        }
        return deviance;
    }

    /** Every sample's {@link #weight} (1) and {@link #residual} of the linear model at {@link #eta}. */
    private void linearSamples() {
        for (int i = 0; i < n; i++) {
            weight[i] = 1;
            residual[i] = y[i] - eta[i];
        }
    }

    /**
     * The sums at a genotype coefficient of 0: the null state's sums over every kept sample, less the samples whose
     * genotype is missing, with the genotype's row of the Hessian and its score.
     */
    private void accumulateAtNull(GlmFamily family, byte[] genotypes, double[] betas, int betaOffset, ModelSums out,
            int slot) {
        NullState state = nullState(family, betas, betaOffset);
        System.arraycopy(state.h, 0, h, 0, h.length);
        System.arraycopy(state.score, 0, score, 0, local);
        double deviance = state.deviance;
        if (genotypes == null) {
            add(out, slot, n, state.total(deviance));
            return;
        }
        double[] w = state.weight;
        double[] r = state.residual;
        int left = 0;
        double rg = 0;
        double wg = 0;
        double wgg = 0;
        for (int i = 0; i < n; i++) {
            // no branch on the dosage (it is unpredictable); only the rare missing call takes one
            int g = genotypes[i];
            if (g < 0) {
                missing[left++] = i;
                g = 0;
            }
            double gw = g * w[i];
            genotypeWeight[i] = gw;
            rg += g * r[i];
            wg += gw;
            wgg += g * gw;
        }
        score[DesignLayout.GENOTYPE] = rg;
        h[DesignLayout.packed(local, 0, 1)] = wg;
        h[DesignLayout.packed(local, 1, 1)] = wgg;
        for (int j = 0; j < covariates.length; j++) {
            h[DesignLayout.packed(local, 1, 2 + j)] = dot(genotypeWeight, covariates[j]);
        }
        if (left > 0) {
            deviance -= leaveOut(left, state);
        }
        add(out, slot, n - left, state.total(deviance));
    }

    /**
     * Takes the samples {@code missing[0, count)} out of the non-genotype sums, and returns the sum of their deviance
     * terms.
     */
    private double leaveOut(int count, NullState state) {
        double[] w = state.weight;
        double[] r = state.residual;
        double deviance = 0;
        for (int t = 0; t < count; t++) {
            int i = missing[t];
            deviance += state.sampleDeviance[i];
            leftWeight[t] = w[i];
            leftResidual[t] = r[i];
        }
        for (int a = 0; a < local; a++) {
            if (a == DesignLayout.GENOTYPE) {
                continue;
            }
            double[] xa = column(a, genotype);
            double sr = 0;
            for (int t = 0; t < count; t++) {
                int i = missing[t];
                double wx = leftWeight[t] * xa[i];
                sr += leftResidual[t] * xa[i];
                leftWeighted[t] = wx;
            }
            score[a] -= sr;
            for (int b = a; b < local; b++) {
                if (b == DesignLayout.GENOTYPE) {
                    continue;
                }
                double[] xb = column(b, genotype);
                double sw = 0;
                for (int t = 0; t < count; t++) {
                    sw += leftWeighted[t] * xb[missing[t]];
                }
                h[DesignLayout.packed(local, a, b)] -= sw;
            }
        }
        return deviance;
    }

    /** The null state at these coefficients (genotype coefficient 0), computed when they differ from the last. */
    private NullState nullState(GlmFamily family, double[] betas, int betaOffset) {
        int p = layout.columns();
        if (nullState != null && nullState.family == family
                && Arrays.equals(nullState.betas, 0, p, betas, betaOffset, betaOffset + p)) {
            return nullState;
        }
        predictor(betas, betaOffset);
        boolean logistic = family == GlmFamily.LOGISTIC;
        if (logistic) {
            logisticSamples();
        } else {
            linearSamples();
        }
        double[] w = weight.clone();
        double[] r = residual.clone();
        // each sample's whole deviance term, since leaving a sample out subtracts its own
        double[] d = new double[n];
        double deviance = 0;
        for (int i = 0; i < n; i++) {
            d[i] = logistic ? term[i] + Math.log1p(q[i]) : r[i] * r[i];
            deviance += d[i];
        }
        // the genotype column is 0 on every row: its sums come out 0 and are filled in per variant
        Arrays.fill(genotype, 0);
        sums(w, r, genotype);
        nullState = new NullState(family, Arrays.copyOfRange(betas, betaOffset, betaOffset + p), w, r, d, h.clone(),
                score.clone(), deviance);
        return nullState;
    }

    /** eta = the coefficients times the non-genotype columns. */
    private void predictor(double[] betas, int betaOffset) {
        double base = betas[betaOffset] + (siteColumn < 0 ? 0 : betas[betaOffset + siteColumn]);
        Arrays.fill(eta, base);
        for (int j = 0; j < covariates.length; j++) {
            double b = betas[betaOffset + 2 + j];
            double[] c = covariates[j];
            for (int i = 0; i < n; i++) {
                eta[i] += b * c[i];
            }
        }
    }

    /**
     * Fills {@link #h} (packed, local columns) and {@link #score} from per-sample weights, residuals and genotypes:
     * the sums among the first four columns (intercept, genotype, two covariates) in one pass, any further
     * covariate's by dot products. With fewer covariates the missing columns are zeros, whose sums are exactly 0
     * and left unused.
     */
    private void sums(double[] w, double[] r, double[] g) {
        FourColumnSums.sums(n, w, r, g, fourColumns(2, g), fourColumns(3, g), score4, h4);
        if (local > FourColumnSums.COLUMNS) {
            // weighted[a] = w x_a; column 0 is the intercept (x = 1), whose weighted column is w itself
            for (int a = 1; a < local; a++) {
                double[] wa = weighted[a];
                double[] xa = column(a, g);
                for (int i = 0; i < n; i++) {
                    wa[i] = w[i] * xa[i];
                }
            }
        }
        int k = 0;
        for (int a = 0; a < local; a++) {
            score[a] = a < FourColumnSums.COLUMNS ? score4[a] : dot(r, column(a, g));
            double[] wa = a == 0 ? w : weighted[a];
            for (int b = a; b < local; b++) {
                h[k++] = b < FourColumnSums.COLUMNS ? h4[DesignLayout.packed(FourColumnSums.COLUMNS, a, b)]
                        : dot(wa, column(b, g));
            }
        }
    }

    /** Adds {@link #h} and {@link #score} (local columns) to the request's answer, with this site's indicator. */
    private void add(ModelSums out, int slot, int called, double deviance) {
        int p = layout.columns();
        out.n()[slot] += called;
        out.deviance()[slot] += deviance;
        int hOffset = slot * layout.packedSize();
        int gOffset = slot * p;
        int k = 0;
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

    /** Column {@code a} of the four summed in one pass: zeros past the last covariate. */
    private double[] fourColumns(int a, double[] g) {
        return a < local ? column(a, g) : zeros;
    }

    /** Column {@code a}: 0 the intercept (ones), 1 the genotype, 2 on the covariates. */
    private double[] column(int a, double[] g) {
        return a == 0 ? ones : a == 1 ? g : covariates[a - 2];
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

    /**
     * Each kept sample's weight, residual and deviance term at one coefficient vector with genotype coefficient 0,
     * and their sums over every kept sample (packed local Hessian, score, half the logistic deviance or the residual
     * sum of squares).
     */
    private record NullState(GlmFamily family, double[] betas, double[] weight, double[] residual,
            double[] sampleDeviance, double[] h, double[] score, double deviance) {

        /** The deviance from a sum of per-sample terms (twice it for the logistic model). */
        double total(double sum) {
            return family == GlmFamily.LOGISTIC ? 2 * sum : sum;
        }
    }
}
