package org.medfed.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.medfed.data.ExampleSet;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.data.tabular.TabularFederation;
import org.medfed.engine.BadInputException;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/** The hospitals' CSV tables, prepared by a {@link TabularFederation}. */
public final class TabularStudyData implements StudyData {

    private final TabularFederation federation;
    private final List<SiteData> sites;

    public TabularStudyData(TabularFederation federation) {
        this.federation = federation;
        List<SiteData> out = new ArrayList<>();
        for (TabularFederation.PreparedSite s : federation.sites()) {
            int dropped = s.table().droppedForMissingValues() + s.table().droppedForMissingLabel();
            out.add(new SiteData(s.name(), s.train(), s.test(),
                    dropped == 0 ? "" : dropped + " rows with missing values left out"));
        }
        this.sites = List.copyOf(out);
    }

    static TabularStudyData prepare(Study study, Path studyFile, Executor hospitals) {
        if (study.data() == null || study.data().label() == null) {
            throw new BadInputException(studyFile, null, "the study has no \"data\" section with a \"label\" column");
        }
        List<TabularFederation.SiteInput> inputs = new ArrayList<>();
        for (ParticipantEntry p : study.enabledParticipants()) {
            if (p.data().size() != 1) {
                throw new BadInputException(studyFile, null, "participant '" + p.name() + "' lists " + p.data().size()
                        + " files; a tabular study takes one CSV file per hospital");
            }
            inputs.add(new TabularFederation.SiteInput(p.name(), StudyFile.resolve(studyFile, p.data().get(0)),
                    p.csvFormat(study.data().csvFormat()), p.siteMapping()));
        }
        return new TabularStudyData(TabularFederation.prepare(inputs, study.data().csvFormat(),
                study.data().tabularSettings(), hospitals));
    }

    public TabularFederation federation() {
        return federation;
    }

    @Override
    public org.medfed.data.tabular.FittedPreprocessing tabularPreprocessing() {
        return federation.preprocessing();
    }

    @Override
    public List<SiteData> sites() {
        return sites;
    }

    @Override
    public ExampleSet pooledTraining() {
        return federation.pooledTraining();
    }

    @Override
    public List<String> classes() {
        return federation.preprocessing().classes();
    }

    @Override
    public int[] inputShape() {
        return new int[] {federation.preprocessing().inputSize()};
    }

    @Override
    public List<String> warnings() {
        return federation.schema().warnings().stream().map(SchemaProblem::toString).toList();
    }
}
