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
import org.medfed.engine.BadInputException;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunHistory;
import org.medfed.model.ModelFiles;
import org.medfed.model.ModelKind;
import org.medfed.model.ModelSpec;
import org.medfed.io.AtomicFiles;
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

    private RunOutputs() {
    }

    public static void write(StudyResult result, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException(dir, null, "output folder could not be created: " + e.getMessage(), e);
        }
        writeMetrics(result.history(), dir.resolve("metrics.csv"));
        ResultsTable table = ResultsTable.of(result);
        var predictions = TestPredictions.of(result);
        ResultStatistics stats = ResultStatistics.of(result, predictions);
        writeText(dir.resolve("results.csv"), table.toCsv(stats));
        JsonFiles.write(RunCurves.of(predictions), dir.resolve(RunCurves.FILE));
        JsonFiles.write(summary(result, table), dir.resolve("summary.json"));
        exportModel(result, stats, dir.resolve("model"));
    }

    /** The model file and its card, which carries the intervals and comparisons of {@code stats}. */
    public static void exportModel(StudyResult result, ResultStatistics stats, Path modelDir) {
        ModelSpec spec = result.prepared().spec();
        ModelFiles.save(spec, result.history().model(), modelDir);
        ModelCardFile.save(card(result, stats), modelDir);
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

    /** One row per round, participant, split and metric, as {@code metrics.csv}; written atomically. */
    public static void writeMetrics(RunHistory history, Path file) {
        StringBuilder sb = new StringBuilder("round,participant,split,metric,value\n");
        for (RoundRecord r : history.rounds()) {
            r.trainLoss().forEach((p, loss) -> row(sb, r.round(), p, "train", "loss", loss));
            r.test().forEach((p, e) -> e.metrics().forEach((m, v) -> row(sb, r.round(), p, "test", m, v)));
            r.global().forEach((m, v) -> {
                if (m.equals("train_loss")) {
                    row(sb, r.round(), "global", "train", "loss", v);
                } else {
                    row(sb, r.round(), "global", "test", m, v);
                }
            });
            r.diagnostics().forEach((m, v) -> row(sb, r.round(), "global", "run", m, v));
        }
        writeText(file, sb.toString());
    }

    private static void row(StringBuilder sb, int round, String participant, String split, String metric, double v) {
        sb.append(round).append(',').append(csv(participant)).append(',').append(split).append(',').append(metric)
                .append(',').append(format(v)).append('\n');
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
            throw new BadInputException(file, null, "could not be written: " + e.getMessage(), e);
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
        Map<String, Object> protections = protections(result);
        if (protections != null) {
            s.put("protections", protections);
        }
        return s;
    }

    static ModelCard card(StudyResult result, ResultStatistics stats) {
        RunHistory h = result.history();
        Study study = result.prepared().study();
        ModelSpec spec = result.prepared().spec();
        var prep = result.prepared().data().tabularPreprocessing();
        var images = result.prepared().data().imagePreprocessing();
        var format = study.data();
        Map<String, Double> weights = new LinkedHashMap<>();
        study.participants().forEach(p -> weights.put(p.name(), p.weight()));
        List<ModelCard.ParticipantInfo> parts = result.prepared().data().counts().stream()
                .map(s -> new ModelCard.ParticipantInfo(s.name(), s.trainSize(), s.testSize(),
                        weights.getOrDefault(s.name(), 1.0))).toList();
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        h.lastRound().ifPresent(r -> {
            metrics.put("global", r.global());
            r.test().forEach((p, e) -> metrics.put(p, e.metrics()));
        });
        var t = study.training();
        return new ModelCard(ModelCard.CURRENT_SCHEMA, new ModelCard.Software(SOFTWARE, Version.current()),
                Instant.now().toString(),
                new ModelCard.StudyRef(study.name(), result.prepared().studyFile() == null ? null
                        : result.prepared().studyFile().getFileName().toString()),
                new ModelCard.ModelInfo(spec.kind().id(), java.util.Arrays.stream(spec.hidden()).boxed().toList(),
                        spec.inputSize(), spec.classCount(), spec.parameterCount(), ModelFiles.MODEL_FILE,
                        spec.kind() == ModelKind.UNET ? "DL4J ComputationGraph (ModelSerializer), float32"
                                : "DL4J MultiLayerNetwork (ModelSerializer), float32",
                        spec.isImageModel() ? java.util.Arrays.stream(spec.inputShape()).boxed().toList() : null,
                        spec.isImageModel() ? java.util.Arrays.stream(spec.filters()).boxed().toList() : null),
                format == null || images != null ? null
                        : new ModelCard.InputFormat(format.separator(), format.header(), format.missingValues(), format.columnNames()),
                prep, images,
                new ModelCard.TrainingInfo(h.strategyId(), study.strategy().resolvedParameters(), t.rounds(),
                        h.rounds().size(), h.status().name().toLowerCase(Locale.ROOT), t.localSteps(), t.localEpochs(),
                        t.batchSize(), t.learningRate(), t.optimizer(), t.fraction(), result.seed()),
                parts, metrics, protections(result), confidence(stats));
    }

    /** The federated model's figures with their intervals and test n, its comparisons, and the warnings. */
    static ModelCard.Confidence confidence(ResultStatistics stats) {
        List<ModelCard.Interval> intervals = new ArrayList<>();
        var fed = stats.figures().get(ResultsTable.FEDERATED);
        if (fed != null) {
            fed.forEach((hospital, f) -> {
                for (String m : new String[] {"accuracy", "sensitivity", "specificity", "auc"}) {
                    var e = f.get(m);
                    if (!Double.isNaN(e.value())) {
                        intervals.add(new ModelCard.Interval(hospital, m, e.value(), f.n(),
                                e.hasInterval() ? e.low() : null, e.hasInterval() ? e.high() : null));
                    }
                }
            });
        }
        List<ModelCard.PairedComparison> comparisons = stats.comparisons().stream()
                .map(c -> new ModelCard.PairedComparison(c.hospital(), c.n(), c.federated(), c.alone(),
                        c.onlyFederated(), c.onlyAlone(), c.pValue(), c.verdict().words())).toList();
        return new ModelCard.Confidence(Estimate.LEVEL, "Wilson score (accuracy, sensitivity, specificity at 0.5); "
                + "DeLong (AUC); exact McNemar (federated against each hospital alone)", intervals, comparisons,
                stats.warnings(), stats.limits().isEmpty() ? null : stats.limits());
    }
}
