package org.medfed.analytics.gwas;

import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.RunControl;

/**
 * Per-variant regression fitted by Newton-Raphson across sites: at every round the coordinator sends each
 * unfinished variant's coefficients, every site returns X'WX, X'(y - mu) and its deviance at those
 * coefficients, and the coordinator adds them up (in site order) and takes the Newton step. The sums are
 * the pooled ones, so the fit is the pooled maximum-likelihood estimate. Variants go in blocks, all
 * variants of a block advancing together, so a round costs one pass over the block at each site.
 *
 * <p>A step that raises the deviance is halved (up to {@value #MAX_HALVINGS} times). A variant converges
 * when every coefficient moves by less than {@value #TOLERANCE} relative. A logistic fit takes its last round
 * once every coefficient moves by less than {@value #CLOSE} relative (quadratic convergence puts the next point
 * within about the square of that of the optimum), so that its standard error comes from the Hessian there (a
 * linear model's Hessian does not depend on the coefficients); that round's step must be below the tolerance (else
 * the fit goes on), and is applied.
 */
final class FederatedRegression {

    static final double TOLERANCE = 1e-10;
    /** A step this small (relative) puts the next point within about 1e-12 of the optimum: the last round follows. */
    static final double CLOSE = 1e-6;
    static final int MAX_ITERATIONS = 30;
    static final int MAX_HALVINGS = 20;
    static final int BLOCK = 4096;

    private final EverySite sites;
    private final DesignLayout layout;
    private final GlmFamily family;
    private final RunControl control;

    FederatedRegression(EverySite sites, DesignLayout layout, GlmFamily family, RunControl control) {
        this.sites = sites;
        this.layout = layout;
        this.family = family;
        this.control = control;
    }

    /**
     * Fits every variant, starting each from the covariates-only fit.
     *
     * @param startIntercept starting intercept of that null fit (logit of the case fraction)
     */
    RegressionFit[] fit(StudyVariants variants, double startIntercept, GwasProgress progress) {
        RegressionFit[] fits = new RegressionFit[variants.size()];
        double[] start = variants.isEmpty() ? null : nullModel(startIntercept);
        for (int from = 0; from < variants.size(); from += BLOCK) {
            control.checkpoint();
            int to = Math.min(variants.size(), from + BLOCK);
            fitBlock(variants, from, to, start, fits);
            progress.update("regression", to, variants.size());
        }
        return fits;
    }

    /**
     * Newton-Raphson on the model without genotype (intercept, covariates, hospital terms) over every kept
     * sample: the genotype row and column of the sums are zero and are left out of the solve.
     */
    double[] nullModel(double startIntercept) {
        int p = layout.columns();
        int q = p - 1;
        double[] beta = new double[p];
        beta[DesignLayout.INTERCEPT] = startIntercept;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            control.checkpoint();
            double[] betas = beta.clone();
            ModelSums total = ModelSums.sum(sites.ask(site -> site.modelSums(
                    new ModelRequest(family, new int[] {ModelRequest.NULL_MODEL}, betas))));
            double[] hessian = new double[q * (q + 1) / 2];
            double[] score = new double[q];
            for (int a = 0; a < q; a++) {
                int fa = a < DesignLayout.GENOTYPE ? a : a + 1;
                score[a] = total.score()[fa];
                for (int b = a; b < q; b++) {
                    int fb = b < DesignLayout.GENOTYPE ? b : b + 1;
                    hessian[DesignLayout.packed(q, a, b)] = total.hessian()[DesignLayout.packed(p, fa, fb)];
                }
            }
            SmallCholesky factor = SmallCholesky.of(hessian, 0, q);
            if (factor == null) {
                throw new org.medfed.engine.BadInputException("the model without genotype cannot be fitted: the "
                        + "covariates (" + String.join(", ", layout.names().subList(2, p)) + ") are collinear, or one "
                        + "of them does not vary over all samples; remove one");
            }
            double[] step = factor.solve(score, 0);
            boolean converged = true;
            for (int a = 0; a < q; a++) {
                int fa = a < DesignLayout.GENOTYPE ? a : a + 1;
                converged &= Math.abs(step[a]) <= TOLERANCE * (1 + Math.abs(beta[fa]));
                beta[fa] += step[a];
            }
            if (converged || family == GlmFamily.LINEAR) {
                return beta;
            }
        }
        // no convergence (e.g. a covariate separating cases from controls): start from the simple guess
        double[] fallback = new double[p];
        fallback[DesignLayout.INTERCEPT] = startIntercept;
        return fallback;
    }

    private void fitBlock(StudyVariants variants, int from, int to, double[] start, RegressionFit[] fits) {
        Block block = new Block(from, to - from, start, fits);
        List<Integer> active = new ArrayList<>();
        for (int v = 0; v < block.size; v++) {
            active.add(v);
        }
        while (!active.isEmpty()) {
            control.checkpoint();
            ModelSums total = evaluate(variants, from, active, block.beta);
            List<Integer> next = new ArrayList<>();
            for (int r = 0; r < active.size(); r++) {
                int v = active.get(r);
                if (block.advance(v, total, r)) {
                    next.add(v);
                }
            }
            active = next;
        }
    }

    /**
     * The variants of one block as their Newton rounds go. The step of one variant is a method of its own (too large
     * to be inlined) so that the JIT compiles it once, apart from the round loop, instead of a loop that holds it all.
     */
    private final class Block {

        final int from;
        final int size;
        final RegressionFit[] fits;
        final double[][] beta;
        final double[][] accepted;
        final double[] acceptedDeviance;
        final int[] iterations;
        final int[] halvings;
        final boolean[] polishing;

        Block(int from, int size, double[] start, RegressionFit[] fits) {
            this.from = from;
            this.size = size;
            this.fits = fits;
            this.beta = new double[size][];
            this.accepted = new double[size][];
            this.acceptedDeviance = new double[size];
            this.iterations = new int[size];
            this.halvings = new int[size];
            this.polishing = new boolean[size];
            for (int v = 0; v < size; v++) {
                beta[v] = start.clone();
            }
        }

        /**
         * Takes variant {@code v}'s answer (slot {@code r} of {@code total}): halves a step that raised the deviance,
         * else accepts the point and takes the Newton step, or finishes the fit. Returns whether v needs another round.
         */
        boolean advance(int v, ModelSums total, int r) {
            int p = layout.columns();
            long n = total.n()[r];
            double deviance = total.deviance()[r];
            if (n <= p) {
                fits[from + v] = RegressionFit.failed(n, iterations[v], "fewer samples with a genotype (" + n
                        + ") than model terms (" + p + ")");
                return false;
            }
            if (accepted[v] != null && halvings[v] < MAX_HALVINGS
                    && !(deviance <= acceptedDeviance[v] + 1e-12 * Math.abs(acceptedDeviance[v]))) {
                for (int j = 0; j < p; j++) {
                    beta[v][j] = (accepted[v][j] + beta[v][j]) / 2;
                }
                halvings[v]++;
                return true;
            }
            accepted[v] = beta[v].clone();
            acceptedDeviance[v] = deviance;
            halvings[v] = 0;
            SmallCholesky hessian = SmallCholesky.of(total.hessian(), r * layout.packedSize(), p);
            if (hessian == null) {
                fits[from + v] = RegressionFit.failed(n, iterations[v], "the genotype does not vary, or is "
                        + "collinear with the covariates, among the samples with a genotype");
                return false;
            }
            double[] step = hessian.solve(total.score(), r * p);
            iterations[v]++;
            boolean converged = true;
            boolean close = true;
            boolean finite = true;
            for (int j = 0; j < p; j++) {
                double scale = 1 + Math.abs(beta[v][j]);
                converged &= Math.abs(step[j]) <= TOLERANCE * scale;
                close &= Math.abs(step[j]) <= CLOSE * scale;
                beta[v][j] += step[j];
                finite &= Double.isFinite(beta[v][j]);
            }
            if (converged && (family == GlmFamily.LINEAR || polishing[v])) {
                fits[from + v] = finish(beta[v], hessian, deviance, n, iterations[v]);
                return false;
            }
            if (close && !polishing[v]) {
                // Newton converges quadratically: after a step this small the point is within about its square
                // of the optimum, so one more round there gives a step below the tolerance, the standard error
                // from the Hessian at (all but) the optimum, and the fit
                polishing[v] = true;
                return true;
            }
            if (!finite || iterations[v] >= MAX_ITERATIONS) {
                fits[from + v] = RegressionFit.failed(n, iterations[v], "did not converge in " + iterations[v]
                        + " Newton steps" + (family == GlmFamily.LOGISTIC
                                ? " (the genotype may separate cases from controls completely)" : ""));
                return false;
            }
            return true;
        }
    }

    private ModelSums evaluate(StudyVariants variants, int from, List<Integer> active, double[][] beta) {
        int p = layout.columns();
        double[] betas = new double[active.size() * p];
        for (int r = 0; r < active.size(); r++) {
            System.arraycopy(beta[active.get(r)], 0, betas, r * p, p);
        }
        List<ModelSums> parts = sites.ask((s, site) -> site.modelSums(request(variants, from, active, betas, s)));
        return ModelSums.sum(parts);
    }

    private ModelRequest request(StudyVariants variants, int from, List<Integer> active, double[] betas, int s) {
        int[] local = new int[active.size()];
        for (int r = 0; r < active.size(); r++) {
            local[r] = variants.siteIndex(from + active.get(r), s);
        }
        return new ModelRequest(family, local, betas);
    }

    private RegressionFit finish(double[] beta, SmallCholesky hessian, double deviance, long n, int iterations) {
        double b = beta[DesignLayout.GENOTYPE];
        double varianceFactor = hessian.inverseDiagonal(DesignLayout.GENOTYPE);
        if (family == GlmFamily.LOGISTIC) {
            double se = Math.sqrt(varianceFactor);
            double z = b / se;
            double p = Tails.chiSquare1(z * z);
            return new RegressionFit(b, se, z, p, Tails.chiSquare1NegLog10(z * z, p), n, iterations, "");
        }
        double df = n - layout.columns();
        double se = Math.sqrt(deviance / df * varianceFactor);
        double t = b / se;
        return new RegressionFit(b, se, t, Tails.studentTwoSided(t, df), Tails.studentTwoSidedNegLog10(t, df), n,
                iterations, "");
    }
}
