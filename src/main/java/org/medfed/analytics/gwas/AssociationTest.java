package org.medfed.analytics.gwas;

/** The per-variant test of a study. */
public enum AssociationTest {
    /** Allelic chi-square from genotype counts; binary phenotype, no covariates. */
    ALLELIC("allelic chi-square"),
    /** Cochran-Armitage trend test from genotype counts; binary phenotype, no covariates. */
    TREND("Cochran-Armitage trend"),
    /** Additive logistic regression with covariates, fitted by federated Newton-Raphson; binary phenotype. */
    LOGISTIC("logistic regression"),
    /** Additive linear regression with covariates; quantitative (or 0/1) phenotype. */
    LINEAR("linear regression");

    private final String description;

    AssociationTest(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True for the tests that need only genotype counts. */
    public boolean countBased() {
        return this == ALLELIC || this == TREND;
    }

    /** "or" for odds ratios, "beta" for a linear effect. */
    public String effectName() {
        return this == LINEAR ? "BETA" : "OR";
    }
}
