package org.medfed.gui.genotypes;

import java.util.List;
import org.medfed.project.GenotypeSection;
import org.medfed.project.GenotypeSection.Association;
import org.medfed.project.GenotypeSection.Phenotype;
import org.medfed.project.GenotypeSection.Qc;
import org.medfed.project.GenotypeSection.RiskModel;

/** Copies of a study's genotype section with one part changed, for the form (the records have no withers). */
final class GenotypeEdits {

    private GenotypeEdits() {
    }

    /** The section, or an empty one whose parts take their defaults. */
    static GenotypeSection orEmpty(GenotypeSection g) {
        return g != null ? g : new GenotypeSection(null, null, null);
    }

    static Phenotype phenotype(GenotypeSection g) {
        Phenotype p = orEmpty(g).phenotype();
        return p != null ? p : new Phenotype(null, null, null, null);
    }

    static Association association(GenotypeSection g) {
        Association a = orEmpty(g).association();
        return a != null ? a : new Association(null, null, null, null, null);
    }

    static RiskModel riskModel(GenotypeSection g) {
        RiskModel r = orEmpty(g).riskModel();
        return r != null ? r : new RiskModel(null, null, null, null, null);
    }

    static Qc qc(GenotypeSection g) {
        Qc q = association(g).qc();
        return q != null ? q : new Qc(null, null, null, null, null);
    }

    static GenotypeSection withPhenotype(GenotypeSection g, Phenotype p) {
        return new GenotypeSection(p, orEmpty(g).association(), orEmpty(g).riskModel());
    }

    static GenotypeSection withAssociation(GenotypeSection g, Association a) {
        return new GenotypeSection(orEmpty(g).phenotype(), a, orEmpty(g).riskModel());
    }

    static GenotypeSection withRiskModel(GenotypeSection g, RiskModel r) {
        return new GenotypeSection(orEmpty(g).phenotype(), orEmpty(g).association(), r);
    }

    static Phenotype phenotype(String idColumn, String column, String kind, List<String> covariates) {
        return new Phenotype(idColumn, column, kind, covariates);
    }

    static Association association(Association a, String test, boolean adjustForSite, Qc qc, double significance) {
        return new Association(test, adjustForSite, qc, significance, a.multiAllelic());
    }

    static RiskModel riskModel(RiskModel r, List<String> variants, boolean covariates, double trainFraction,
            long splitSeed) {
        return new RiskModel(variants, covariates, trainFraction, splitSeed, r.normalization());
    }
}
