package org.medfed.analytics.gwas;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns of the regression design, the same at every hospital: intercept, genotype dosage, covariates,
 * then (when the study adjusts for hospital) one indicator per hospital after the first, which each
 * hospital can fill in alone because all its rows share it.
 */
public record DesignLayout(List<String> covariates, List<String> siteNames, boolean siteTerms) {

    public static final int INTERCEPT = 0;
    public static final int GENOTYPE = 1;

    public DesignLayout {
        covariates = List.copyOf(covariates);
        siteNames = List.copyOf(siteNames);
    }

    public int columns() {
        return 2 + covariates.size() + (siteTerms ? siteNames.size() - 1 : 0);
    }

    /** Number of coefficients in the packed upper triangle of a columns x columns matrix. */
    public int packedSize() {
        int p = columns();
        return p * (p + 1) / 2;
    }

    /** The indicator column of hospital {@code site}, or -1 (the first hospital, or no site terms). */
    public int siteColumn(int site) {
        return siteTerms && site > 0 ? 2 + covariates.size() + site - 1 : -1;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(List.of("intercept", "genotype"));
        names.addAll(covariates);
        if (siteTerms) {
            for (int s = 1; s < siteNames.size(); s++) {
                names.add("site:" + siteNames.get(s));
            }
        }
        return names;
    }

    /** Index of element (a, b), a <= b, in a packed upper triangle of order p. */
    static int packed(int p, int a, int b) {
        return a * p - a * (a - 1) / 2 + (b - a);
    }
}
