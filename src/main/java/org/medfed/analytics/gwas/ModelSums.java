package org.medfed.analytics.gwas;

import java.util.List;

/**
 * What a site answers to a {@link ModelRequest}: per variant, its rows' contribution to the Newton step,
 * never the rows. For design X (rows with a called genotype), weights W and means mu at the given
 * coefficients: the Hessian X'WX (packed upper triangle), the score X'(y - mu), the deviance, and the count.
 * Summed over sites they are exactly the pooled quantities.
 */
public record ModelSums(int[] n, double[] hessian, double[] score, double[] deviance) {

    static ModelSums zeros(int variants, DesignLayout layout) {
        return new ModelSums(new int[variants], new double[variants * layout.packedSize()],
                new double[variants * layout.columns()], new double[variants]);
    }

    /** Element-wise sum, in the given (site) order so that reruns are bit-identical. */
    static ModelSums sum(List<ModelSums> parts) {
        ModelSums first = parts.get(0);
        ModelSums total = new ModelSums(first.n.clone(), first.hessian.clone(), first.score.clone(), first.deviance.clone());
        for (int s = 1; s < parts.size(); s++) {
            ModelSums part = parts.get(s);
            for (int i = 0; i < total.n.length; i++) {
                total.n[i] += part.n[i];
                total.deviance[i] += part.deviance[i];
            }
            for (int i = 0; i < total.hessian.length; i++) {
                total.hessian[i] += part.hessian[i];
            }
            for (int i = 0; i < total.score.length; i++) {
                total.score[i] += part.score[i];
            }
        }
        return total;
    }
}
