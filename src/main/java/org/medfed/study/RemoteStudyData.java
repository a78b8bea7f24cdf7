package org.medfed.study;

import java.util.List;
import java.util.Map;
import org.medfed.data.ExampleSet;
import org.medfed.data.tabular.FittedPreprocessing;
import org.medfed.engine.BadInputException;
import org.medfed.network.coordinator.RemoteParticipant;
import org.medfed.project.ModelCard;

/**
 * A multi-site study's data as the coordinator holds it: the agreed preprocessing (of tables or of images) and each
 * hospital's counts. The rows and images stay at the hospitals; asking for them is refused, so that nothing
 * downstream pools them by mistake.
 */
public final class RemoteStudyData implements StudyData {

    private final List<RemoteParticipant> hospitals;
    private final List<String> classes;
    private final int[] inputShape;
    private final FittedPreprocessing tables;
    private final ModelCard.ImagePreprocessing images;
    private final List<String> warnings;
    private final Map<String, String> notes;

    private RemoteStudyData(List<RemoteParticipant> hospitals, List<String> classes, int[] inputShape,
                            FittedPreprocessing tables, ModelCard.ImagePreprocessing images, List<String> warnings,
                            Map<String, String> notes) {
        this.hospitals = List.copyOf(hospitals);
        this.classes = List.copyOf(classes);
        this.inputShape = inputShape.clone();
        this.tables = tables;
        this.images = images;
        this.warnings = List.copyOf(warnings);
        this.notes = Map.copyOf(notes);
    }

    /** Tables encoded at the hospitals with the agreed {@code preprocessing}. */
    static RemoteStudyData tables(List<RemoteParticipant> hospitals, FittedPreprocessing preprocessing,
                                  List<String> warnings) {
        return new RemoteStudyData(hospitals, preprocessing.classes(), new int[] {preprocessing.inputSize()},
                preprocessing, null, warnings, Map.of());
    }

    /**
     * Images prepared at the hospitals as {@code card} records.
     *
     * @param notes per hospital, what its counts mean (augmented copies, files skipped), or nothing
     */
    static RemoteStudyData images(List<RemoteParticipant> hospitals, ModelCard.ImagePreprocessing card,
                                  List<String> warnings, Map<String, String> notes) {
        return new RemoteStudyData(hospitals, card.classes(),
                card.inputShape().stream().mapToInt(Integer::intValue).toArray(), null, card, warnings, notes);
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
        return hospitals.stream().map(h -> new SiteCounts(h.name(), h.trainSize(), h.testSize(),
                notes.getOrDefault(h.name(), ""))).toList();
    }

    @Override
    public FittedPreprocessing tabularPreprocessing() {
        return tables;
    }

    @Override
    public ModelCard.ImagePreprocessing imagePreprocessing() {
        return images;
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
        return classes;
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }
}
