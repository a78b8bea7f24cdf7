package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A federated study as saved in its JSON file: who takes part with which data, the data settings (the tabular
 * {@code data} section, the {@code imaging} section for images, the {@code genotypes} section for VCF studies;
 * sections a study does not use are null, and older files without them load), the model, the strategy, the
 * training plan, the protections (privacy, defence), the seed, and where the coordinator listens for hospitals behind
 * nodes. Paths of data files are relative to the study file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "name", "description", "task", "dataType", "participants", "data", "imaging",
        "genotypes", "model", "strategy", "training", "baselines", "privacy", "defence", "compression", "simulation",
        "seed", "coordinator"})
public record Study(Integer schemaVersion, String name, String description, String task, String dataType,
                    List<ParticipantEntry> participants, DataSection data, ImagingSection imaging,
                    GenotypeSection genotypes, ModelSection model, StrategySection strategy, TrainingSection training,
                    BaselineSection baselines, PrivacySection privacy, DefenceSection defence,
                    CompressionSection compression, SimulationSection simulation, Long seed,
                    CoordinatorSection coordinator) {

    /**
     * The version this build writes; files up to it load. 2 added each hospital's {@code "csv"} import options and
     * {@code "mapping"}, and the data section's {@code "keep"} and {@code "classNames"}; 3 the mapping's
     * {@code "missing"} (a column's values that mean "not recorded"). An older file has none of them, loads as it
     * is, and is written back as version 3.
     */
    public static final int CURRENT_SCHEMA = 3;

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

    /** A study without compression and at the default simulated speeds. */
    public Study(Integer schemaVersion, String name, String description, String task, String dataType,
                 List<ParticipantEntry> participants, DataSection data, ImagingSection imaging, GenotypeSection genotypes,
                 ModelSection model, StrategySection strategy, TrainingSection training, BaselineSection baselines,
                 PrivacySection privacy, DefenceSection defence, Long seed) {
        this(schemaVersion, name, description, task, dataType, participants, data, imaging, genotypes, model, strategy,
                training, baselines, privacy, defence, null, null, seed, null);
    }

    public static Study empty() {
        return new Study(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Study withCompression(CompressionSection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, genotypes, model, strategy, training, baselines, privacy, defence, v, simulation, seed, coordinator);
    }

    public Study withSimulation(SimulationSection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, genotypes, model, strategy, training, baselines, privacy, defence, compression, v, seed, coordinator);
    }

    public List<ParticipantEntry> enabledParticipants() {
        return participants.stream().filter(ParticipantEntry::enabled).toList();
    }

    /** The same study in the version this build writes (see {@link #CURRENT_SCHEMA} for what changed). */
    public Study migrated() {
        return new Study(CURRENT_SCHEMA, name, description, task, dataType, participants, data, imaging, genotypes, model, strategy, training, baselines, privacy, defence, compression, simulation, seed, coordinator);
    }

    public Study withDescription(String v) {
        return new Study(schemaVersion, name, v, task, dataType, participants, data, imaging, genotypes, model, strategy, training, baselines, privacy, defence, compression, simulation, seed, coordinator);
    }

    public Study withName(String v) {
        return new Study(schemaVersion, v, description, task, dataType, participants, data, imaging, genotypes, model, strategy, training, baselines, privacy, defence, compression, simulation, seed, coordinator);
    }

    public Study withParticipants(List<ParticipantEntry> v) {
        return new Study(schemaVersion, name, description, task, dataType, v, data, imaging, genotypes, model, strategy, training, baselines, privacy, defence, compression, simulation, seed, coordinator);
    }

    public Study withData(DataSection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, v, imaging, genotypes, model, strategy, training, baselines, privacy, defence, compression, simulation, seed, coordinator);
    }

    public Study withGenotypes(GenotypeSection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, v, model, strategy, training, baselines, privacy, defence, compression, simulation, seed, coordinator);
    }

    /** A study of images: data type "images" and its imaging section. */
    public Study withImaging(ImagingSection v) {
        return new Study(schemaVersion, name, description, task, "images", participants, data, v, genotypes, model, strategy, training, baselines, privacy, defence, compression, simulation, seed, coordinator);
    }

    public Study withModel(ModelSection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, genotypes, v, strategy, training, baselines, privacy, defence, compression, simulation, seed, coordinator);
    }

    public Study withStrategy(StrategySection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, genotypes, model, v, training, baselines, privacy, defence, compression, simulation, seed, coordinator);
    }

    public Study withTraining(TrainingSection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, genotypes, model, strategy, v, baselines, privacy, defence, compression, simulation, seed, coordinator);
    }

    public Study withPrivacy(PrivacySection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, genotypes, model, strategy, training, baselines, v, defence, compression, simulation, seed, coordinator);
    }

    public Study withDefence(DefenceSection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, genotypes, model, strategy, training, baselines, privacy, v, compression, simulation, seed, coordinator);
    }

    /** Where the coordinator listens for the hospitals' nodes. */
    public Study withCoordinator(CoordinatorSection v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, genotypes, model, strategy, training, baselines, privacy, defence, compression, simulation, seed, v);
    }

    public Study withSeed(long v) {
        return new Study(schemaVersion, name, description, task, dataType, participants, data, imaging, genotypes, model, strategy, training, baselines, privacy, defence, compression, simulation, v, coordinator);
    }
}
