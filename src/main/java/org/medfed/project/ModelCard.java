package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.medfed.data.tabular.FittedPreprocessing;

/**
 * What an exported model expects and how it was made: the data schema and preprocessing (so that predictions
 * on new files match the run), the training settings, the hospitals with their sample counts, the final
 * metrics, and the software that made it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "software", "created", "study", "model", "input", "preprocessing", "training",
        "participants", "metrics", "privacy"})
public record ModelCard(int schemaVersion, Software software, String created, StudyRef study, ModelInfo model,
                        InputFormat input, FittedPreprocessing preprocessing, TrainingInfo training,
                        List<ParticipantInfo> participants, Map<String, Map<String, Double>> metrics,
                        Map<String, Object> privacy) {

    public static final int CURRENT_SCHEMA = 1;

    public record Software(String name, String version) {
    }

    public record StudyRef(String name, String file) {
    }

    public record ModelInfo(String type, List<Integer> hidden, int inputSize, int classCount, int parameters,
                            String file, String format) {
    }

    /** How the CSV files the model was trained on were read. */
    public record InputFormat(String separator, String header, List<String> missingValues, List<String> columnNames) {
    }

    public record TrainingInfo(String strategy, Map<String, Double> strategyParameters, int roundsPlanned,
                               int roundsCompleted, String status, int localSteps, int localEpochs, int batchSize,
                               double learningRate, String optimizer, double participantFraction, long seed) {
    }

    public record ParticipantInfo(String name, int trainSize, int testSize, double weight) {
    }
}
