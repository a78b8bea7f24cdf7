package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.medfed.data.tabular.FittedPreprocessing;

/**
 * What an exported model expects and how it was made: the data schema and preprocessing (so that predictions
 * on new files match the run), the training settings, the hospitals with their sample counts, the final
 * metrics, and the software that made it; {@code communication} says what travelled (bytes per hospital, the
 * codec) and how long the run took on its clock (simulated, or measured over real nodes).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "software", "created", "study", "model", "input", "preprocessing",
        "imagePreprocessing", "training", "participants", "metrics", "privacy", "communication", "onnx", "compaction",
        "confidence", "personalisation"})
public record ModelCard(int schemaVersion, Software software, String created, StudyRef study, ModelInfo model,
                        InputFormat input, FittedPreprocessing preprocessing, ImagePreprocessing imagePreprocessing,
                        TrainingInfo training, List<ParticipantInfo> participants,
                        Map<String, Map<String, Double>> metrics, Map<String, Object> privacy,
                        Map<String, Object> communication, OnnxInfo onnx, CompactionInfo compaction,
                        Confidence confidence, PersonalisationInfo personalisation) {

    public static final int CURRENT_SCHEMA = 1;

    /** A card of the shared model (not a hospital's personal one), as most exports are. */
    public ModelCard(int schemaVersion, Software software, String created, StudyRef study, ModelInfo model,
                     InputFormat input, FittedPreprocessing preprocessing, ImagePreprocessing imagePreprocessing,
                     TrainingInfo training, List<ParticipantInfo> participants, Map<String, Map<String, Double>> metrics,
                     Map<String, Object> privacy, Map<String, Object> communication, OnnxInfo onnx,
                     CompactionInfo compaction, Confidence confidence) {
        this(schemaVersion, software, created, study, model, input, preprocessing, imagePreprocessing, training,
                participants, metrics, privacy, communication, onnx, compaction, confidence, null);
    }

    /**
     * This card for a hospital's personal model: its files, its metrics and their intervals (at that hospital only)
     * and how it was made.
     */
    public ModelCard personalised(OnnxInfo ownOnnx, Map<String, Map<String, Double>> ownMetrics,
                                  Confidence ownConfidence, PersonalisationInfo how) {
        return new ModelCard(schemaVersion, software, created, study, model, input, preprocessing, imagePreprocessing,
                training, participants, ownMetrics, privacy, communication, ownOnnx, compaction, ownConfidence, how);
    }

    public record Software(String name, String version) {
    }

    public record StudyRef(String name, String file) {
    }

    /**
     * The network; {@code inputShape} and {@code filters} are given for image models only, {@code batchNorm} only
     * when each convolution is followed by a batch normalisation. {@code outcome} says what
     * each output of the model is: the class as the data code it and the name the study shows for it, so that a
     * reader of the card (or of a prediction) never has to guess what output 1 means.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelInfo(String type, List<Integer> hidden, int inputSize, int classCount, int parameters,
                            String file, String format, List<Integer> inputShape, List<Integer> filters,
                            Boolean batchNorm, List<OutcomeClass> outcome) {
    }

    /** Output {@code output} of the model: the class {@code code} of the data; {@code name} its display name, if any. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OutcomeClass(int output, String code, String name) {
    }

    /**
     * What every image went through before the model, so that new images can be prepared the same way: the
     * study's imaging settings (window, size, channels, normalisation; augmentation applied to training copies
     * only), the model input [channels, height, width], the class names in label order, and the order of the steps.
     */
    public record ImagePreprocessing(String task, List<Integer> inputShape, List<String> classes, String steps,
                                     ImagingSection settings) {
    }

    /** How the CSV files the model was trained on were read. */
    public record InputFormat(String separator, String header, List<String> missingValues, List<String> columnNames) {
    }

    public record TrainingInfo(String strategy, Map<String, Double> strategyParameters, int roundsPlanned,
                               int roundsCompleted, String status, int localSteps, int localEpochs, int batchSize,
                               double learningRate, String optimizer, double participantFraction, long seed) {
    }

    /**
     * A hospital's counts and weight, how its file was read where that differed from the study's {@code input}, and
     * its mapping onto the study's columns and codes (renamed columns, recoded values, unit factors): the model
     * expects new data in the study's terms, so a file from that hospital needs the same mapping first.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParticipantInfo(String name, int trainSize, int testSize, double weight, CsvOptions csv,
                                  MappingSection mapping) {

        public ParticipantInfo(String name, int trainSize, int testSize, double weight) {
            this(name, trainSize, testSize, weight, null, null);
        }
    }

    /**
     * The ONNX file beside the DL4J one: operator set, what its inputs are (for a table model the raw columns,
     * each a number or a text; see docs/onnx.md), and for a study standardised with each hospital's own
     * statistics the file of each hospital ({@code file} then uses the pooled statistics).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record OnnxInfo(String file, int opset, List<OnnxInput> inputs, List<String> outputs,
                           Map<String, String> perParticipantFiles) {
    }

    /** One ONNX input: its name, element type (float32 or string) and what it holds. */
    public record OnnxInput(String name, String type, String description) {
    }

    /**
     * A hospital's personal model: whose it is, the method (finetune, head, batchnorm, ditto, choose) in words, and the
     * same hospital's test metrics of the shared model beside it, so that the card says what personalising gained or
     * lost there; when the hospital chose between candidates, {@code kept} names the one it kept (shared,
     * fine-tuned, alone).
     */
    public record PersonalisationInfo(String hospital, String method, String how, Map<String, Double> sharedModelMetrics,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) String kept) {
    }

    /**
     * How a compact model was made from a full one, and what it cost: file sizes (the ONNX file, and gzip-compressed,
     * where pruned zeros pay off) and the metric on the study's test sets, before and after.
     */
    public record CompactionInfo(String method, double prunedFraction, boolean int8, String metric,
                                 Map<String, Double> before, Map<String, Double> after, long onnxBytesBefore,
                                 long onnxBytesAfter, long gzipBytesBefore, long gzipBytesAfter, String command) {
    }

    /**
     * How far the federated model's figures can be trusted (absent in cards written before it was added): each
     * figure with its test n and interval at {@code level}, the paired comparison with each hospital's own model, the
     * warnings shown with the results, and what could not be computed ({@code limits}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Confidence(double level, String methods, List<Interval> intervals, List<PairedComparison> comparisons,
                             List<String> warnings, String limits) {
    }

    /** A figure of the federated model on a hospital's test patients ("All hospitals": all of them); no bounds when none can be given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Interval(String testSet, String metric, double value, int n, Double low, Double high) {
    }

    /** The federated model against one hospital's own model on that hospital's n test patients. */
    public record PairedComparison(String hospital, int n, double federatedAccuracy, double aloneAccuracy,
                                   int onlyFederatedRight, int onlyAloneRight, double pValue, String verdict) {
    }
}
