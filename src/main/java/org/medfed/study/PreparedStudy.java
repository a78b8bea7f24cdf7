package org.medfed.study;

import java.nio.file.Path;
import java.util.List;
import org.medfed.engine.BadInputException;
import org.medfed.model.ModelSpec;
import org.medfed.project.Study;

/** A study with its hospitals' data read, checked and encoded, and the model shape that fits it. */
public record PreparedStudy(Study study, Path studyFile, StudyData data, ModelSpec spec) {

    /** Reads and prepares every enabled participant's data; errors name the file and line. */
    public static PreparedStudy prepare(Study study, Path studyFile) {
        if (study.enabledParticipants().isEmpty()) {
            throw new BadInputException(studyFile, null, "no participant is enabled");
        }
        StudyData data = switch (study.dataType()) {
            case "tabular" -> TabularStudyData.prepare(study, studyFile);
            case "genotypes" -> GenotypeStudyData.prepare(study, studyFile);
            default -> throw new BadInputException(studyFile, null, "data type \"" + study.dataType()
                    + "\" is unknown; expected tabular or genotypes");
        };
        int[] shape = data.inputShape();
        ModelSpec spec = study.model().toSpec(shape[0], data.classes().size());
        return new PreparedStudy(study, studyFile, data, spec);
    }

    public List<String> participantNames() {
        return data.sites().stream().map(SiteData::name).toList();
    }
}
