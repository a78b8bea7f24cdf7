package org.medfed.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medfed.analytics.gwas.GwasRunner;
import org.medfed.engine.BadInputException;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/** Each hospital's VCF file and phenotype sheet, as a genotype study lists them. */
final class GenotypeFiles {

    private GenotypeFiles() {
    }

    static List<GwasRunner.SiteInput> of(Study study, Path studyFile) {
        if (study.genotypes() == null || study.genotypes().phenotype() == null) {
            throw new BadInputException(studyFile, null, "a genotype study needs a \"genotypes\" section with its "
                    + "\"phenotype\" (sheet columns)");
        }
        List<GwasRunner.SiteInput> out = new ArrayList<>();
        for (ParticipantEntry p : study.enabledParticipants()) {
            if (p.data().size() != 2) {
                throw new BadInputException(studyFile, null, "participant '" + p.name() + "' lists " + p.data().size()
                        + " files; a genotype study takes two per hospital: its VCF file, then its phenotype sheet (CSV)");
            }
            out.add(new GwasRunner.SiteInput(p.name(), StudyFile.resolve(studyFile, p.data().get(0)),
                    StudyFile.resolve(studyFile, p.data().get(1))));
        }
        return out;
    }
}
