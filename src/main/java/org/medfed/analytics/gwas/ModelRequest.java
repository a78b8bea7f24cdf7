package org.medfed.analytics.gwas;

/**
 * One round of the federated regression: for each listed variant (the site's own index, as learned from its
 * {@link VariantCounts}), the coefficients at which the site evaluates its sums.
 *
 * @param family logistic or linear
 * @param variants site-local variant indices, or {@link #NULL_MODEL} for the model without genotype
 * @param betas {@code variants.length * columns} coefficients, variant after variant
 */
public record ModelRequest(GlmFamily family, int[] variants, double[] betas) {

    /**
     * In place of a variant index: the covariates-only model over every kept sample (genotype column 0),
     * whose fit gives every variant a starting point close to its own fit.
     */
    public static final int NULL_MODEL = -1;
}
