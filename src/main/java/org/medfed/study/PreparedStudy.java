package org.medfed.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medfed.data.tabular.TabularFederation;
import org.medfed.engine.BadInputException;
import org.medfed.model.ModelSpec;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/** A study with its hospitals' data read, checked and encoded, and the model shape that fits it. */
public record PreparedStudy(Study study, Path studyFile, TabularFederation data, ModelSpec spec) {

    /** Reads and prepares every enabled participant's data; errors name the file and line. */
    public static PreparedStudy prepare(Study study, Path studyFile) {
        if (!"tabular".equals(study.dataType())) {
            throw new BadInputException("studies of data type '" + study.dataType() + "' cannot be run as tabular studies");
        }
        if (study.data() == null || study.data().label() == null) {
            throw new BadInputException(studyFile, null, "the study has no \"data\" section with a \"label\" column");
        }
        List<ParticipantEntry> enabled = study.enabledParticipants();
        if (enabled.isEmpty()) {
            throw new BadInputException(studyFile, null, "no participant is enabled");
        }
        List<TabularFederation.SiteInput> sites = new ArrayList<>();
        for (ParticipantEntry p : enabled) {
            if (p.data().size() != 1) {
                throw new BadInputException(studyFile, null, "participant '" + p.name() + "' lists " + p.data().size()
                        + " files; a tabular study takes one CSV file per hospital");
            }
            sites.add(new TabularFederation.SiteInput(p.name(), StudyFile.resolve(studyFile, p.data().get(0))));
        }
        TabularFederation data = TabularFederation.prepare(sites, study.data().csvFormat(), study.data().tabularSettings());
        ModelSpec spec = study.model().toSpec(data.preprocessing().inputSize(), data.preprocessing().classes().size());
        return new PreparedStudy(study, studyFile, data, spec);
    }

    public List<String> participantNames() {
        return data.sites().stream().map(TabularFederation.PreparedSite::name).toList();
    }
}
