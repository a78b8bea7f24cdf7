package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.medfed.analytics.gwas.AssociationTest;
import org.medfed.analytics.gwas.GwasSettings;
import org.medfed.analytics.gwas.QcSettings;
import org.medfed.data.vcf.MultiAllelicPolicy;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSpec;
import org.medfed.engine.BadInputException;

/**
 * The genotype settings of a study whose hospitals each hold a VCF file and a phenotype sheet (their
 * {@code data} lists the VCF first, then the sheet): the phenotype, the federated association study, and the
 * genotype-based risk model.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenotypeSection(Phenotype phenotype, Association association, RiskModel riskModel) {

    /** Which sheet column holds the sample id, the phenotype, and the covariates. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Phenotype(String idColumn, String column, String kind, List<String> covariates) {

        public Phenotype {
            idColumn = idColumn == null ? "sample_id" : idColumn;
            kind = kind == null ? "binary" : kind;
            covariates = covariates == null ? List.of() : List.copyOf(covariates);
        }

        public PhenotypeSpec spec() {
            if (column == null) {
                throw new BadInputException("the genotype study's phenotype needs a \"column\"");
            }
            return new PhenotypeSpec(idColumn, column, parseKind(kind), covariates);
        }

        private static PhenotypeKind parseKind(String text) {
            for (PhenotypeKind k : PhenotypeKind.values()) {
                if (k.name().equalsIgnoreCase(text)) {
                    return k;
                }
            }
            throw new BadInputException("genotypes.phenotype.kind is '" + text + "', expected binary or quantitative");
        }
    }

    /** The association study: test, quality control, significance threshold. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Association(String test, Boolean adjustForSite, Qc qc, Double significance, String multiAllelic) {

        public Association {
            test = test == null ? "logistic" : test;
            adjustForSite = adjustForSite == null ? Boolean.TRUE : adjustForSite;
            qc = qc == null ? new Qc(null, null, null, null, null) : qc;
            significance = significance == null ? GwasSettings.GENOME_WIDE : significance;
            multiAllelic = multiAllelic == null ? "split" : multiAllelic;
        }

        public GwasSettings settings(PhenotypeSpec phenotype) {
            AssociationTest t;
            try {
                t = AssociationTest.valueOf(test.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("association test '" + test + "' is unknown, expected allelic, trend, "
                        + "logistic or linear");
            }
            MultiAllelicPolicy policy;
            try {
                policy = MultiAllelicPolicy.valueOf(multiAllelic.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("multi-allelic policy '" + multiAllelic + "' is unknown, expected split or skip");
            }
            return GwasSettings.of(phenotype, t).withAdjustForSite(adjustForSite).withQc(qc.settings())
                    .withSignificance(significance).withMultiAllelic(policy);
        }
    }

    /** Quality-control thresholds (defaults: call rates 95 %, MAF 1 %, HWE p 1e-6 in controls). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Qc(Double minSampleCallRate, Double minVariantCallRate, Double minMaf, Double minHweP,
                     Boolean hweControlsOnly) {

        public QcSettings settings() {
            QcSettings d = QcSettings.defaults();
            return new QcSettings(minSampleCallRate == null ? d.minSampleCallRate() : minSampleCallRate,
                    minVariantCallRate == null ? d.minVariantCallRate() : minVariantCallRate,
                    minMaf == null ? d.minMaf() : minMaf, minHweP == null ? d.minHweP() : minHweP,
                    hweControlsOnly == null ? d.hweControlsOnly() : hweControlsOnly);
        }
    }

    /**
     * A classifier of the phenotype from the dosages of chosen variants (ids as in the VCF, or chrom:pos) and
     * the covariates, trained with the study's model, strategy and training plan.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RiskModel(List<String> variants, Boolean covariates, Double trainFraction, Long splitSeed,
                            String normalization) {

        public RiskModel {
            variants = variants == null ? List.of() : List.copyOf(variants);
            covariates = covariates == null ? Boolean.TRUE : covariates;
            trainFraction = trainFraction == null ? 0.8 : trainFraction;
            splitSeed = splitSeed == null ? 42L : splitSeed;
            normalization = normalization == null ? "pooled" : normalization;
        }
    }
}
