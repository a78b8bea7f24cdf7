package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sums at a genotype coefficient of 0 come from the null state (sums over every sample, less the samples with a
 * missing genotype, plus the genotype's own sums): they must equal the full pass's sums.
 */
class SiteModelTest {

    private static final DesignLayout LAYOUT = new DesignLayout(List.of("age", "sex"), List.of("A", "B", "C"), true);

    @Test
    void sumsAtTheNullPointEqualTheFullPassForLogisticAndLinear() {
        for (GlmFamily family : GlmFamily.values()) {
            for (int site = 0; site < 3; site++) {
                Random random = new Random(17 + site);
                int n = 203;
                double[] y = new double[n];
                double[][] rows = new double[n][];
                for (int i = 0; i < n; i++) {
                    y[i] = family == GlmFamily.LOGISTIC ? random.nextInt(2) : 3 + random.nextGaussian();
                    rows[i] = new double[] {40 + 30 * random.nextDouble(), random.nextInt(2)};
                }
                SiteModel model = new SiteModel(LAYOUT, y, rows, site);
                double[] betas = {-0.3, 0, 0.012, -0.2, 0.1, -0.05};
                byte[][] variants = {genotypes(random, n, 0.3, 0.05), genotypes(random, n, 0.02, 0), null};
                for (byte[] g : variants) {
                    ModelSums atNull = ModelSums.zeros(1, LAYOUT);
                    ModelSums full = ModelSums.zeros(1, LAYOUT);
                    model.accumulate(family, g, betas, 0, atNull, 0);
                    model.accumulateGeneral(family, g, betas, 0, full, 0);
                    assertThat(atNull.n()).isEqualTo(full.n());
                    assertClose(atNull.deviance(), full.deviance());
                    assertClose(atNull.score(), full.score());
                    assertClose(atNull.hessian(), full.hessian());
                }
                // the null state is a function of the coefficients: other coefficients, other sums
                byte[] g = genotypes(random, n, 0.4, 0.02);
                double[] other = {0.2, 0, -0.01, 0.3, 0, 0.2};
                ModelSums atNull = ModelSums.zeros(1, LAYOUT);
                ModelSums full = ModelSums.zeros(1, LAYOUT);
                model.accumulate(family, g, other, 0, atNull, 0);
                model.accumulateGeneral(family, g, other, 0, full, 0);
                assertClose(atNull.score(), full.score());
                assertClose(atNull.hessian(), full.hessian());
            }
        }
    }

    /**
     * Two samples, no covariate, logistic at intercept 0: every mean is 1/2 and weight 1/4. Sample 0 (y = 1,
     * genotype 2) and sample 1 (y = 0, genotype missing): only sample 0 counts. Score: (1/2, 1); Hessian
     * (1/4, 1/2, 1); deviance 2 log 2.
     */
    @Test
    void aMissingGenotypeLeavesItsSampleOutByHand() {
        DesignLayout layout = new DesignLayout(List.of(), List.of("A"), false);
        SiteModel model = new SiteModel(layout, new double[] {1, 0}, new double[][] {{}, {}}, 0);
        ModelSums sums = ModelSums.zeros(1, layout);
        model.accumulate(GlmFamily.LOGISTIC, new byte[] {2, -1}, new double[] {0, 0}, 0, sums, 0);
        assertThat(sums.n()[0]).isEqualTo(1);
        assertThat(sums.score()).containsExactly(0.5, 1.0);
        assertThat(sums.hessian()).containsExactly(0.25, 0.5, 1.0);
        assertThat(sums.deviance()[0]).isCloseTo(2 * Math.log(2), within(1e-15));
    }

    /**
     * The full pass against the textbook formulas sample by sample (mean 1 / (1 + exp(-e)), weight mu (1 - mu),
     * deviance -2 sum of log-likelihoods; linear: weight 1, residual sum of squares), with 0 to 4 covariates: fewer
     * than two leave zero columns in the one-pass sums, more than two add dot products.
     */
    @Test
    void fullPassEqualsPlainFormulasForAnyNumberOfCovariates() {
        for (int k = 0; k <= 4; k++) {
            List<String> names = List.of("c0", "c1", "c2", "c3").subList(0, k);
            DesignLayout layout = new DesignLayout(names, List.of("A"), false);
            int p = layout.columns();
            for (GlmFamily family : GlmFamily.values()) {
                Random random = new Random(31 + k);
                int n = 150;
                double[] y = new double[n];
                double[][] rows = new double[n][k];
                for (int i = 0; i < n; i++) {
                    y[i] = family == GlmFamily.LOGISTIC ? random.nextInt(2) : random.nextGaussian();
                    for (int j = 0; j < k; j++) {
                        rows[i][j] = j % 2 == 0 ? random.nextGaussian() : random.nextInt(2);
                    }
                }
                byte[] g = genotypes(random, n, 0.3, 0.05);
                double[] betas = new double[p];
                for (int a = 0; a < p; a++) {
                    betas[a] = 0.4 * random.nextGaussian();
                }
                ModelSums sums = ModelSums.zeros(1, layout);
                new SiteModel(layout, y, rows, 0).accumulateGeneral(family, g, betas, 0, sums, 0);

                double[] score = new double[p];
                double[] hessian = new double[layout.packedSize()];
                double deviance = 0;
                int called = 0;
                for (int i = 0; i < n; i++) {
                    if (g[i] < 0) {
                        continue;
                    }
                    called++;
                    double[] x = new double[p];
                    x[0] = 1;
                    x[1] = g[i];
                    System.arraycopy(rows[i], 0, x, 2, k);
                    double e = 0;
                    for (int a = 0; a < p; a++) {
                        e += betas[a] * x[a];
                    }
                    double mu = family == GlmFamily.LOGISTIC ? 1 / (1 + Math.exp(-e)) : e;
                    double w = family == GlmFamily.LOGISTIC ? mu * (1 - mu) : 1;
                    deviance += family == GlmFamily.LOGISTIC
                            ? -2 * (y[i] * Math.log(mu) + (1 - y[i]) * Math.log(1 - mu))
                            : (y[i] - mu) * (y[i] - mu);
                    for (int a = 0; a < p; a++) {
                        score[a] += (y[i] - mu) * x[a];
                        for (int b = a; b < p; b++) {
                            hessian[DesignLayout.packed(p, a, b)] += w * x[a] * x[b];
                        }
                    }
                }
                assertThat(sums.n()[0]).isEqualTo(called);
                assertClose(sums.deviance(), new double[] {deviance});
                assertClose(sums.score(), score);
                assertClose(sums.hessian(), hessian);
            }
        }
    }

    /** 1 for every e >= 0 (the smallest and largest doubles, both zeros), exactly q for every e < 0. */
    @Test
    void meanNumeratorIsOneForNonNegativeAndQForNegativePredictors() {
        double[] nonNegative = {0.0, -0.0, Double.MIN_VALUE, 1e-310, Double.MIN_NORMAL, 1e-200, 0.3, 1, 700, 1e300,
            Double.MAX_VALUE, Double.POSITIVE_INFINITY};
        for (double e : nonNegative) {
            assertThat(SiteModel.meanNumerator(e, Math.exp(-Math.abs(e)))).as("e = %s", e).isEqualTo(1.0);
        }
        double[] negative = {-Double.MIN_VALUE, -1e-310, -Double.MIN_NORMAL, -1e-200, -0.3, -1, -700, -1e300,
            -Double.MAX_VALUE};
        for (double e : negative) {
            double q = Math.exp(-Math.abs(e));
            assertThat(SiteModel.meanNumerator(e, q)).as("e = %s", e).isEqualTo(q);
        }
        // as the mean: 1 / (1 + q) above 0, q / (1 + q) below
        double q = Math.exp(-2.5);
        assertThat(SiteModel.meanNumerator(2.5, q) / (1 + q)).isEqualTo(1 / (1 + q));
        assertThat(SiteModel.meanNumerator(-2.5, q) / (1 + q)).isEqualTo(q / (1 + q));
    }

    private static byte[] genotypes(Random random, int n, double frequency, double missing) {
        byte[] g = new byte[n];
        for (int i = 0; i < n; i++) {
            g[i] = random.nextDouble() < missing ? -1
                    : (byte) ((random.nextDouble() < frequency ? 1 : 0) + (random.nextDouble() < frequency ? 1 : 0));
        }
        return g;
    }

    private static void assertClose(double[] actual, double[] expected) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-12 * Math.max(1, scale)));
        }
    }
}
