package org.medfed.analytics.gwas;

/**
 * One round of the federated regression: for each listed variant (the site's own index, as learned from its
 * {@link VariantCounts}), the coefficients at which the site evaluates its sums.
 *
 * @param family logistic or linear
 * @param variants site-local variant indices
 * @param betas {@code variants.length * columns} coefficients, variant after variant
 */
public record ModelRequest(GlmFamily family, int[] variants, double[] betas) {
}
