package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A federated study as saved in its JSON file: who takes part with which data, the data settings (the tabular
 * {@code data} section, or for images the {@code imaging} section, which older files do not have: null), the
 * model, the strategy, the training plan and the seed. Paths of data files are relative to the study file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "name", "description", "task", "dataType", "participants", "data", "imaging",
        "model", "strategy", "training", "baselines", "seed"})
public record Study(Integer schemaVersion, String name, String description, String task, String dataType,
                    List<ParticipantEntry> participants, DataSection data, ImagingSection imaging, ModelSection model,
                    StrategySection strategy, TrainingSection training, BaselineSection baselines, Long seed) {

    /** The version this build writes; files up to it load. */
    public static final int CURRENT_SCHEMA = 1;

    public Study {
        schemaVersion = schemaVersion == null ? CURRENT_SCHEMA : schemaVersion;
        name = name == null ? "Untitled study" : name;
        description = description == null ? "" : description;
        task = task == null ? "classification" : task;
        dataType = dataType == null ? "tabular" : dataType;
        participants = participants == null ? List.of() : List.copyOf(participants);
        model = model == null ? ModelSection.logistic() : model;
        strategy = strategy == null ? new StrategySection(null, null) : strategy;
        training = training == null ? TrainingSection.defaults() : training;
        baselines = baselines == null ? BaselineSection.defaults() : baselines;
        seed = seed == null ? 42L : seed;
    }

    public static Study empty() {
        return new Study(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public List<ParticipantEntry> enabledParticipants() {
        return participants.stream().filter(ParticipantEntry::enabled).toList();
    }

    public Study withName(String v) {
        return new Study(schemaVersion, v, description, task, dataType, participants, data, imaging, model, strategy, training, baselines, seed);
    }

    public Study withParticipants(List<ParticipantEntry> v) {
        return new Study(schemaVersion, name, description, task, dataType, v, data, imaging, model, strategy, training, baselines, seed);
    }

    public Study withData(DataSection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, v, imaging, model, strategy, training, baselines, seed);
    }

    public Study withModel(ModelSection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, v, strategy, training, baselines, seed);
    }

    public Study withStrategy(StrategySection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, model, v, training, baselines, seed);
    }

    public Study withTraining(TrainingSection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, model, strategy, v, baselines, seed);
    }

    /** A study of images: data type "images" and its imaging section. */
    public Study withImaging(ImagingSection v) {
        return new Study(schemaVersion, name, description, task, "images", participants, data, v, model, strategy, training, baselines, seed);
    }

    public Study withSeed(long v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, model, strategy, training, baselines, v);
    }
}
