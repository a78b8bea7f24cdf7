package org.medfed.analytics.gwas;

import java.util.Objects;
import org.medfed.data.vcf.MultiAllelicPolicy;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSpec;
import org.medfed.engine.BadInputException;

/**
 * Everything that defines a federated association study, identical for every hospital.
 *
 * @param phenotype sheet columns: sample id, phenotype (binary or quantitative), covariates
 * @param test the per-variant test
 * @param qc quality-control thresholds
 * @param adjustForSite add one indicator per hospital (after the first) to the regression, so that
 *        differences in case fraction or trait mean between hospitals are not read as genetic effects
 * @param significance p-value below which a variant is reported as a hit (5e-8 by convention)
 * @param multiAllelic split or skip multi-allelic sites
 */
public record GwasSettings(PhenotypeSpec phenotype, AssociationTest test, QcSettings qc, boolean adjustForSite,
        double significance, MultiAllelicPolicy multiAllelic) {

    public static final double GENOME_WIDE = 5e-8;

    public GwasSettings {
        Objects.requireNonNull(phenotype, "phenotype");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(qc, "qc");
        Objects.requireNonNull(multiAllelic, "multiAllelic");
        if (test != AssociationTest.LINEAR && phenotype.kind() != PhenotypeKind.BINARY) {
            throw new BadInputException("the " + test.description() + " needs a binary phenotype (0 = control, "
                    + "1 = case); for a quantitative phenotype use linear regression");
        }
        if (test.countBased() && (!phenotype.covariates().isEmpty() || adjustForSite)) {
            throw new BadInputException("the " + test.description() + " works from genotype counts and cannot "
                    + "adjust for covariates " + (adjustForSite ? "or hospital" : String.join(", ", phenotype.covariates()))
                    + "; use logistic regression, or remove the covariates");
        }
        if (!(significance > 0 && significance < 1)) {
            throw new BadInputException("the significance threshold is " + significance + ", expected a p-value "
                    + "between 0 and 1 such as 5e-8");
        }
    }

    /** Default QC, no hospital terms, genome-wide significance, multi-allelic sites split. */
    public static GwasSettings of(PhenotypeSpec phenotype, AssociationTest test) {
        return new GwasSettings(phenotype, test, QcSettings.defaults(), false, GENOME_WIDE, MultiAllelicPolicy.SPLIT);
    }

    public GwasSettings withQc(QcSettings newQc) {
        return new GwasSettings(phenotype, test, newQc, adjustForSite, significance, multiAllelic);
    }

    public GwasSettings withAdjustForSite(boolean adjust) {
        return new GwasSettings(phenotype, test, qc, adjust, significance, multiAllelic);
    }

    public GwasSettings withSignificance(double threshold) {
        return new GwasSettings(phenotype, test, qc, adjustForSite, threshold, multiAllelic);
    }

    public GwasSettings withMultiAllelic(MultiAllelicPolicy policy) {
        return new GwasSettings(phenotype, test, qc, adjustForSite, significance, policy);
    }
}
