package org.medfed.study;

import java.nio.file.Path;
import org.medfed.analytics.gwas.GwasProgress;
import org.medfed.analytics.gwas.GwasResult;
import org.medfed.analytics.gwas.GwasRunner;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RunControl;
import org.medfed.project.Study;

/**
 * Runs a genotype study's federated association analysis: every hospital answers with counts and regression
 * sums only, and the statistics equal those of the pooled analysis.
 */
public final class AssociationStudy {

    private AssociationStudy() {
    }

    public static GwasResult run(Study study, Path studyFile, Path outDir, RunControl control, GwasProgress progress) {
        if (study.genotypes() == null) {
            throw new BadInputException(studyFile, null, "has no \"genotypes\" section: it is not a genotype study");
        }
        var association = study.genotypes().association() == null
                ? new org.medfed.project.GenotypeSection.Association(null, null, null, null, null)
                : study.genotypes().association();
        return GwasRunner.run(GenotypeFiles.of(study, studyFile),
                association.settings(study.genotypes().phenotype().spec()), outDir, control, progress);
    }
}
