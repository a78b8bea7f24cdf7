package org.medfed.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunHistory;
import org.medfed.model.Compaction;
import org.medfed.model.ModelFiles;
import org.medfed.model.ModelKind;
import org.medfed.model.ModelSpec;
import org.medfed.io.AtomicFiles;
import org.medfed.io.FileProblem;
import org.medfed.io.OutputFolder;
import org.medfed.metrics.Estimate;
import org.medfed.project.JsonFiles;
import org.medfed.project.ModelCard;
import org.medfed.project.ModelCardFile;
import org.medfed.project.Study;

/**
 * Writes what a run produced into a folder: {@code metrics.csv} (one row per round, participant, split and
 * metric), {@code results.csv} (the federated vs local vs pooled table, with test n and intervals),
 * {@code curves.json} (ROC and calibration), {@code summary.json}, and the model with its card in {@code model/}.
 */
public final class RunOutputs {

    public static final String SOFTWARE = "MedFed Workbench";
    public static final String METRICS = "metrics.csv";
    public static final String RESULTS = "results.csv";
    public static final String SUMMARY = "summary.json";
    public static final String MODEL = "model";
    /** Each hospital's personal model, in a folder of its own, for a personalising strategy in a simulation. */
    public static final String PERSONAL = "personal";

    private RunOutputs() {
    }

    /**
     * Writes the outputs into the run folder {@code dir}, which a {@link RunFolder} holds for writing; returns the
     * statistics results.csv was written from.
     */
    static ResultStatistics write(StudyResult result, Path dir) {
        writeMetrics(result.history(), dir.resolve(METRICS));
        ResultsTable table = ResultsTable.of(result);
        var predictions = TestPredictions.of(result);
        ResultStatistics stats = ResultStatistics.of(result, predictions);
        writeText(dir.resolve(RESULTS), table.toCsv(stats));
        JsonFiles.write(RunCurves.of(predictions), dir.resolve(RunCurves.FILE));
        JsonFiles.write(summary(result, table), dir.resolve(SUMMARY));
        writeModel(result, stats, dir.resolve(MODEL));
        writePersonalModels(result, stats, dir.resolve(PERSONAL));
        return stats;
    }

    /**
     * Each hospital's personal model with its own card, in {@code personal/HOSPITAL/}; nothing when the run did not
     * personalise, or ran over real nodes (each node keeps its own).
     */
    static void writePersonalModels(StudyResult result, ResultStatistics stats, Path dir) {
        if (result.personalModels().isEmpty()) {
            return;
        }
        ModelSpec spec = result.prepared().spec();
        ModelCard shared = card(result, stats, null);
        ResultsTable.Row federated = ResultsTable.of(result).row(ResultsTable.FEDERATED).orElse(null);
        result.personalModels().forEach((hospital, model) -> {
            Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
            metrics.put(hospital, result.personal().test().get(hospital).metrics());
            Map<String, Double> sharedThere = federated == null || federated.test().get(hospital) == null ? null
                    : federated.test().get(hospital).metrics();
            PersonalModelFiles.write(dir.resolve(folderName(hospital)), spec, model,
                    result.prepared().data().tabularPreprocessing(), result.prepared().data().classes(),
                    onnx -> shared.personalised(onnx, metrics, confidence(stats, ResultsTable.PERSONALISED, hospital),
                            PersonalModelFiles.how(hospital, result.personal().method(), result.history().strategyId(),
                                    sharedThere, result.keptCandidates().get(hospital))));
        });
    }

    /** A hospital's name as a folder name on every system. */
    static String folderName(String hospital) {
        return hospital.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * The model as a DL4J file and as ONNX, with its card (which carries the intervals and comparisons of
     * {@code stats}), into a folder of their own (the workbench's export): replaces an earlier export there, and
     * marks the folder finished once all are written.
     */
    public static void exportModel(StudyResult result, ResultStatistics stats, Path modelDir) {
        try (OutputFolder folder = OutputFolder.claim(modelDir, "model export", OutputFolder.Mode.REPLACE,
                List.of(ModelFiles.MODEL_FILE, ModelCardFile.NAME))) {
            writeModel(result, stats, modelDir);
            folder.finish();
        }
    }

    private static void writeModel(StudyResult result, ResultStatistics stats, Path modelDir) {
        PersonalModelFiles.write(modelDir, result.prepared().spec(), result.history().model(),
                result.prepared().data().tabularPreprocessing(), result.prepared().data().classes(),
                onnx -> card(result, stats, onnx));
    }

    /** What protected the run, with the privacy actually spent, for the card and the summary. */
    static Map<String, Object> protections(StudyResult result) {
        if (result.protections().isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>(result.protections());
        result.history().lastRound().ifPresent(r -> {
            Double eps = r.diagnostics().get("dp.epsilon");
            if (eps != null && out.get("differentialPrivacy") instanceof Map<?, ?> dp) {
                Map<String, Object> spent = new LinkedHashMap<>();
                dp.forEach((k, v) -> spent.put(String.valueOf(k), v));
                spent.put("epsilonSpent", eps);
                spent.put("roundsCompleted", result.history().rounds().size());
                Double clip = r.diagnostics().get("dp.clip");
                if (clip != null) {
                    spent.put("finalClipNorm", clip);
                }
                out.put("differentialPrivacy", spent);
            }
        });
        return out;
    }

    /**
     * One row per round (an asynchronous run: per update of the global model), participant, split and metric, as
     * {@code metrics.csv}, each with the run's clock and the updates merged so far, so that runs can be compared on
     * one time axis; per hospital, split {@code run}: its bytes each way, the staleness of its merged update and
     * the model version it trains from. Written atomically.
     */
    public static void writeMetrics(RunHistory history, Path file) {
        StringBuilder sb = new StringBuilder("round,participant,split,metric,value,clock_seconds,updates_applied\n");
        // every map in name order: participants answer, and secure aggregation and DP add their figures, in
        // whatever order threads finish, and the same study and seed must give the same bytes
        for (RoundRecord r : history.rounds()) {
            String when = "," + format(r.progress().clockSeconds()) + "," + r.progress().updatesApplied() + "\n";
            new TreeMap<>(r.trainLoss()).forEach((p, loss) -> row(sb, r.round(), p, "train", "loss", loss, when));
            new TreeMap<>(r.test()).forEach((p, e) -> new TreeMap<>(e.metrics())
                    .forEach((m, v) -> row(sb, r.round(), p, "test", m, v, when)));
            new TreeMap<>(r.global()).forEach((m, v) -> {
                if (m.equals("train_loss")) {
                    row(sb, r.round(), "global", "train", "loss", v, when);
                } else {
                    row(sb, r.round(), "global", "test", m, v, when);
                }
            });
            new TreeMap<>(r.diagnostics()).forEach((m, v) -> row(sb, r.round(), "global", "run", m, v, when));
            RoundRecord.Progress p = r.progress();
            new TreeMap<>(p.bytesDown()).forEach((name, b) -> count(sb, r.round(), name, "bytes_down", b, when));
            new TreeMap<>(p.bytesUp()).forEach((name, b) -> count(sb, r.round(), name, "bytes_up", b, when));
            new TreeMap<>(p.staleness()).forEach((name, st) -> count(sb, r.round(), name, "staleness", st, when));
            new TreeMap<>(p.modelVersion()).forEach((name, v) -> count(sb, r.round(), name, "model_version", v, when));
        }
        writeText(file, sb.toString());
    }

    /** A whole number of the run (bytes, versions), written exactly. */
    private static void count(StringBuilder sb, int round, String participant, String metric, long v, String when) {
        sb.append(round).append(',').append(csv(participant)).append(",run,").append(metric).append(',').append(v)
                .append(when);
    }

    private static void row(StringBuilder sb, int round, String participant, String split, String metric, double v,
                            String when) {
        sb.append(round).append(',').append(csv(participant)).append(',').append(split).append(',').append(metric)
                .append(',').append(format(v)).append(when);
    }

    static String format(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static void writeText(Path file, String text) {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw FileProblem.of(file, "could not be written", e);
        }
    }

    static Map<String, Object> summary(StudyResult result, ResultsTable table) {
        RunHistory h = result.history();
        Study study = result.prepared().study();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("study", study.name());
        s.put("strategy", h.strategyId());
        s.put("seed", result.seed());
        s.put("status", h.status().name().toLowerCase(Locale.ROOT));
        if (!h.message().isEmpty()) {
            s.put("message", h.message());
        }
        s.put("roundsCompleted", h.rounds().size());
        s.put("roundsPlanned", study.training().rounds());
        s.put("seconds", h.duration().toMillis() / 1000.0);
        s.put("started", result.started().toString());
        s.put("finished", result.finished().toString());
        h.lastRound().ifPresent(r -> {
            s.put("final", r.global());
            Map<String, Map<String, Double>> per = new LinkedHashMap<>();
            r.test().forEach((p, e) -> per.put(p, e.metrics()));
            s.put("finalPerParticipant", per);
        });
        List<Map<String, Object>> parts = new ArrayList<>();
        for (SiteCounts site : result.prepared().data().counts()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", site.name());
            p.put("trainExamples", site.trainSize());
            p.put("testExamples", site.testSize());
            if (!site.note().isEmpty()) {
                p.put("note", site.note());
            }
            p.put("failures", h.rounds().stream().flatMap(r -> r.failures().stream())
                    .filter(f -> f.participant().equals(site.name())).count());
            parts.add(p);
        }
        s.put("participants", parts);
        s.put("results", table.asMap());
        if (!result.personal().isEmpty()) {
            Map<String, Object> personal = new LinkedHashMap<>();
            personal.put("method", result.personal().method());
            personal.put("models", result.personalModels().isEmpty()
                    ? "kept at each hospital's node, never sent" : PERSONAL + "/HOSPITAL/");
            if (!result.keptCandidates().isEmpty()) {
                personal.put("kept", new TreeMap<>(result.keptCandidates()));
            }
            if (!result.personal().failures().isEmpty()) {
                Map<String, String> failed = new TreeMap<>();
                result.personal().failures().forEach(f -> failed.put(f.participant(), f.reason()));
                personal.put("failures", failed);
            }
            s.put("personalisation", personal);
        }
        Map<String, Object> protections = protections(result);
        if (protections != null) {
            s.put("protections", protections);
        }
        return s;
    }

    /**
     * @param classes the classes in the order of the model's outputs
     * @param data the study's data section, for the classes' display names (null: none)
     */
    static ModelCard.ModelInfo modelInfo(ModelSpec spec, List<String> classes, org.medfed.project.DataSection data) {
        List<ModelCard.OutcomeClass> outcome = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            String code = classes.get(i);
            String name = data == null ? code : data.className(code);
            outcome.add(new ModelCard.OutcomeClass(i, code, name.equals(code) ? null : name));
        }
        return new ModelCard.ModelInfo(spec.kind().id(), java.util.Arrays.stream(spec.hidden()).boxed().toList(),
                spec.inputSize(), spec.classCount(), spec.parameterCount(), ModelFiles.MODEL_FILE,
                spec.kind() == ModelKind.UNET ? "DL4J ComputationGraph (ModelSerializer), float32"
                        : "DL4J MultiLayerNetwork (ModelSerializer), float32",
                spec.isImageModel() ? java.util.Arrays.stream(spec.inputShape()).boxed().toList() : null,
                spec.isImageModel() ? java.util.Arrays.stream(spec.filters()).boxed().toList() : null,
                spec.batchNorm() ? Boolean.TRUE : null, outcome.isEmpty() ? null : outcome);
    }

    /** How the study's CSV files were read; none for images. */
    static ModelCard.InputFormat inputFormat(Study study, ModelCard.ImagePreprocessing images) {
        var format = study.data();
        return format == null || images != null ? null
                : new ModelCard.InputFormat(format.separator(), format.header(), format.missingValues(), format.columnNames());
    }

    static ModelCard.TrainingInfo trainingInfo(Study study, String strategyId, int roundsCompleted, String status,
                                               long seed) {
        var t = study.training();
        return new ModelCard.TrainingInfo(strategyId, study.strategy().resolvedParameters(), t.rounds(), roundsCompleted,
                status, t.localSteps(), t.localEpochs(), t.batchSize(), t.learningRate(), t.optimizer(), t.fraction(),
                seed);
    }

    static ModelCard card(StudyResult result, ResultStatistics stats, ModelCard.OnnxInfo onnx) {
        RunHistory h = result.history();
        Study study = result.prepared().study();
        ModelSpec spec = result.prepared().spec();
        var prep = result.prepared().data().tabularPreprocessing();
        var images = result.prepared().data().imagePreprocessing();
        Map<String, org.medfed.project.ParticipantEntry> entries = new LinkedHashMap<>();
        study.participants().forEach(p -> entries.put(p.name(), p));
        List<ModelCard.ParticipantInfo> parts = result.prepared().data().counts().stream()
                .map(s -> {
                    var p = entries.get(s.name());
                    return p == null ? new ModelCard.ParticipantInfo(s.name(), s.trainSize(), s.testSize(), 1.0)
                            : new ModelCard.ParticipantInfo(s.name(), s.trainSize(), s.testSize(), p.weight(),
                            p.csv(), p.mapping());
                }).toList();
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        h.lastRound().ifPresent(r -> {
            metrics.put("global", r.global());
            r.test().forEach((p, e) -> metrics.put(p, e.metrics()));
        });
        return new ModelCard(ModelCard.CURRENT_SCHEMA, new ModelCard.Software(SOFTWARE, Version.current()),
                Instant.now().toString(),
                new ModelCard.StudyRef(study.name(), result.prepared().studyFile() == null ? null
                        : result.prepared().studyFile().getFileName().toString()),
                modelInfo(spec, result.prepared().data().classes(), study.data()), inputFormat(study, images), prep,
                images,
                trainingInfo(study, h.strategyId(), h.rounds().size(), h.status().name().toLowerCase(Locale.ROOT),
                        result.seed()),
                parts, metrics, protections(result), communication(result), onnx, null, confidence(stats));
    }

    /**
     * What travelled and how long it took on the run's clock: bytes each hospital received and sent for training
     * (serialised sizes; over real nodes, what went over its stream), the same updates as plain float32 for
     * comparison, and the hospitals' simulated speeds.
     */
    static Map<String, Object> communication(StudyResult result) {
        RunHistory h = result.history();
        Map<String, Long> down = new java.util.TreeMap<>();
        Map<String, Long> up = new java.util.TreeMap<>();
        for (RoundRecord r : h.rounds()) {
            r.progress().bytesDown().forEach((p, b) -> down.merge(p, b, Long::sum));
            r.progress().bytesUp().forEach((p, b) -> up.merge(p, b, Long::sum));
        }
        Map<String, Object> c = new LinkedHashMap<>();
        boolean remote = result.prepared().data() instanceof RemoteStudyData;
        c.put("clock", remote ? "measured: wall time of each call to the hospitals' nodes (not reproducible)"
                : "simulated from the hospitals' speeds (reproducible)");
        h.lastRound().ifPresent(r -> {
            c.put("clockSeconds", r.progress().clockSeconds());
            c.put("updatesApplied", r.progress().updatesApplied());
            c.put("float32UpdateBytes", 4L * result.prepared().spec().parameterCount() * r.progress().updatesApplied());
        });
        c.put("bytesDown", down);
        c.put("bytesUp", up);
        Study study = result.prepared().study();
        if (!remote && study.simulation() != null) {
            c.put("speeds", study.simulation().describe(result.prepared().data().counts().stream()
                    .map(SiteCounts::name).toList()));
        }
        return c;
    }

    /** The federated model's figures with their intervals and test n, its comparisons, and the warnings. */
    static ModelCard.Confidence confidence(ResultStatistics stats) {
        List<ModelCard.PairedComparison> comparisons = stats.comparisons().stream()
                .map(c -> new ModelCard.PairedComparison(c.hospital(), c.n(), c.federated(), c.alone(),
                        c.onlyFederated(), c.onlyAlone(), c.pValue(), c.verdict().words())).toList();
        return new ModelCard.Confidence(Estimate.LEVEL, "Wilson score (accuracy, sensitivity, specificity at 0.5); "
                + "DeLong (AUC); exact McNemar (federated against each hospital alone)",
                intervals(stats, ResultsTable.FEDERATED, null), comparisons, stats.warnings(),
                stats.limits().isEmpty() ? null : stats.limits());
    }

    /** A hospital's personal model's figures on its own test rows, with their intervals and test n. */
    static ModelCard.Confidence confidence(ResultStatistics stats, String row, String hospital) {
        return new ModelCard.Confidence(Estimate.LEVEL, "Wilson score (accuracy, sensitivity, specificity at 0.5); "
                + "DeLong (AUC)", intervals(stats, row, hospital), List.of(), List.of(),
                stats.limits().isEmpty() ? null : stats.limits());
    }

    /** The figures of {@code row} with their intervals, at every test set or at {@code hospital}'s only. */
    private static List<ModelCard.Interval> intervals(ResultStatistics stats, String row, String hospital) {
        List<ModelCard.Interval> intervals = new ArrayList<>();
        var figures = stats.figures().get(row);
        if (figures != null) {
            figures.forEach((testSet, f) -> {
                if (hospital != null && !hospital.equals(testSet)) {
                    return;
                }
                for (String m : new String[] {"accuracy", "sensitivity", "specificity", "auc"}) {
                    var e = f.get(m);
                    if (!Double.isNaN(e.value())) {
                        intervals.add(new ModelCard.Interval(testSet, m, e.value(), f.n(),
                                e.hasInterval() ? e.low() : null, e.hasInterval() ? e.high() : null));
                    }
                }
            });
        }
        return intervals;
    }
}
