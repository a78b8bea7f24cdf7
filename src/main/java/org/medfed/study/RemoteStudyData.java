package org.medfed.study;

import java.util.List;
import org.medfed.data.ExampleSet;
import org.medfed.data.tabular.FittedPreprocessing;
import org.medfed.engine.BadInputException;
import org.medfed.network.coordinator.RemoteParticipant;

/**
 * A multi-site study's data as the coordinator holds it: the agreed preprocessing and each hospital's counts. The
 * rows stay at the hospitals; asking for them is refused, so that nothing downstream pools them by mistake.
 */
public final class RemoteStudyData implements StudyData {

    private final List<RemoteParticipant> hospitals;
    private final FittedPreprocessing preprocessing;
    private final List<String> warnings;

    RemoteStudyData(List<RemoteParticipant> hospitals, FittedPreprocessing preprocessing, List<String> warnings) {
        this.hospitals = List.copyOf(hospitals);
        this.preprocessing = preprocessing;
        this.warnings = List.copyOf(warnings);
    }

    /** The hospitals, reached through their nodes. */
    public List<RemoteParticipant> hospitals() {
        return hospitals;
    }

    @Override
    public List<SiteData> sites() {
        throw new BadInputException("the rows of a multi-site study stay at the hospitals; only their counts and "
                + "summaries are known here");
    }

    @Override
    public List<SiteCounts> counts() {
        return hospitals.stream().map(h -> new SiteCounts(h.name(), h.trainSize(), h.testSize(), "")).toList();
    }

    @Override
    public FittedPreprocessing tabularPreprocessing() {
        return preprocessing;
    }

    @Override
    public ExampleSet pooledTraining() {
        throw new BadInputException(POOLED_UNAVAILABLE);
    }

    /** Why a multi-site study has no pooled baseline. */
    public static final String POOLED_UNAVAILABLE = "a model trained on all hospitals' rows pooled cannot be made in "
            + "a multi-site study without moving the rows, which is what the study exists to avoid";

    @Override
    public List<String> classes() {
        return preprocessing.classes();
    }

    @Override
    public int[] inputShape() {
        return new int[] {preprocessing.inputSize()};
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }
}
