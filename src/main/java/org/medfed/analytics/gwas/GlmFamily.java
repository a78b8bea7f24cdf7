package org.medfed.analytics.gwas;

/** The regression model a site evaluates. */
public enum GlmFamily {
    /** Binary outcome, logit link: weights mu(1-mu), deviance -2 log-likelihood. */
    LOGISTIC,
    /** Continuous outcome, identity link: weights 1, deviance the residual sum of squares. */
    LINEAR
}
