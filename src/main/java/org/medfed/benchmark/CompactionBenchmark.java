package org.medfed.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.medfed.data.ExampleSet;
import org.medfed.data.split.HospitalSplitter;
import org.medfed.data.split.SplitRule;
import org.medfed.data.tabular.Normalization;
import org.medfed.data.tabular.TabularFederation;
import org.medfed.engine.Evaluation;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.engine.Seeds;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.model.Compaction;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.model.onnx.OnnxExport;
import org.medfed.model.onnx.OnnxModel;
import org.medfed.site.InProcessParticipant;
import org.medfed.transport.SameThreadTransport;

/**
 * Size and accuracy of compact models (pruning, int8) against the full one, for two federated models: an MLP on
 * Fed-Heart-Disease (FedAvg with our recommended settings, pooled z-scores; preprocessing in the ONNX graph) and
 * the BreastMNIST CNN (FedAvg over 3 IID hospitals, the reported settings). Accuracy and AUC are on the test sets
 * (Fed-Heart: the four centres' test rows together; BreastMNIST: the official test split), computed with the weights
 * the compact model computes with; for the CNN the ONNX file itself is also run in ONNX Runtime and its largest
 * difference from ours is reported.
 */
public final class CompactionBenchmark {

    public static final List<Compaction> SETTINGS = List.of(Compaction.NONE, new Compaction(0.5, false),
            new Compaction(0.8, false), new Compaction(0, true), new Compaction(0.5, true), new Compaction(0.8, true));

    /** One model under one compaction. {@code onnxDifference} is NaN where ONNX Runtime was not run. */
    public record Row(String model, String compaction, long onnxBytes, long gzipBytes, double accuracy, double auc,
                      double onnxDifference) {
    }

    private CompactionBenchmark() {
    }

    /** @param cnnRounds FedAvg rounds of the BreastMNIST CNN (the reported benchmark's 30 when null) */
    public static List<Row> run(Path sharedData, long seed, Integer cnnRounds, Consumer<String> progress) {
        List<Row> rows = new ArrayList<>();
        rows.addAll(heart(sharedData.resolve("uci-heart-disease"), seed, progress));
        rows.addAll(breastMnist(sharedData.resolve("medmnist-breastmnist"), seed, cnnRounds, progress));
        return rows;
    }

    static List<Row> heart(Path dir, long seed, Consumer<String> progress) {
        TabularFederation federation = HeartDiseaseData.prepare(dir, Normalization.POOLED);
        ModelSpec spec = ModelSpec.mlp(federation.preprocessing().inputSize(), 2, 64, 32);
        List<InProcessParticipant> participants = new ArrayList<>();
        ExampleSet test = null;
        for (TabularFederation.PreparedSite s : federation.sites()) {
            participants.add(InProcessParticipant.of(s.name(), 1.0, ModelTrainer.create(spec, s.train(), s.test())));
            test = test == null ? s.test() : test.concat(s.test());
        }
        progress.accept("Fed-Heart-Disease: FedAvg of " + spec + " ...");
        RunConfig config = new RunConfig(FedHeartDiseaseBenchmark.FLAMBY_ROUNDS, 1.0, 1,
                FedHeartDiseaseBenchmark.ourTraining(), seed, Duration.ofHours(1));
        RunHistory h = new FederatedRun(config, StrategyCatalog.create("weighted-fedavg", Map.of()), participants,
                new SameThreadTransport(), RunListener.NONE)
                .execute(spec.initialParameters(Seeds.derive(seed, "model-init", 0)), RunControl.free());
        finished(h);
        List<Row> rows = new ArrayList<>();
        for (Compaction c : SETTINGS) {
            byte[] onnx = OnnxExport.tabular(spec, h.model(), c, federation.preprocessing(),
                    federation.preprocessing().pooled(), "benchmark");
            Evaluation e = ModelTrainer.create(spec, test, test).evaluate(c.apply(spec, h.model()), test);
            rows.add(row("Fed-Heart MLP [64, 32]", c, onnx, e, Double.NaN, progress));
        }
        return rows;
    }

    static List<Row> breastMnist(Path dir, long seed, Integer rounds, Consumer<String> progress) {
        BreastMnistBenchmark.Data data = BreastMnistBenchmark.Data.load(dir);
        BreastMnistBenchmark.Settings r = BreastMnistBenchmark.Settings.reported();
        BreastMnistBenchmark.Settings settings = rounds == null ? r : new BreastMnistBenchmark.Settings(r.filters(),
                r.hidden(), r.hospitals(), r.epochs(), rounds, r.localEpochs(), r.batchSize(), r.learningRate(),
                r.fedProxMu(), r.alpha());
        ModelSpec spec = settings.spec();
        Map<String, int[]> hospitals = HospitalSplitter.splitByLabels(data.train().labels(), settings.hospitals(),
                SplitRule.parse("iid"), Seeds.derive(seed, "hospitals", 0));
        progress.accept("BreastMNIST: FedAvg of " + spec + " over " + settings.hospitals() + " IID hospitals, "
                + settings.rounds() + " rounds ...");
        ModelVector model = BreastMnistBenchmark.federatedRun(data, hospitals, "weighted-fedavg", Map.of(), settings, seed)
                .model();
        List<Row> rows = new ArrayList<>();
        ModelTrainer trainer = ModelTrainer.create(spec, data.test(), data.test());
        for (Compaction c : SETTINGS) {
            byte[] onnx = OnnxExport.images(spec, model, c, List.of("malignant", "benign"), "benchmark");
            ModelVector weights = c.apply(spec, model);
            Evaluation e = trainer.evaluate(weights, data.test());
            rows.add(row("BreastMNIST CNN", c, onnx, e, onnxDifference(onnx, trainer.predict(weights, data.test()),
                    data.test(), spec), progress));
        }
        return rows;
    }

    /** Runs the file in ONNX Runtime on the test images: largest difference from our class-1 probability. */
    private static double onnxDifference(byte[] onnx, float[][] ours, ExampleSet test, ModelSpec spec) {
        try {
            Path file = java.nio.file.Files.createTempFile("medfed-compact", ".onnx");
            try {
                OnnxExport.write(file, onnx);
                try (OnnxModel m = OnnxModel.load(file)) {
                    float[][] p = m.predictImages(test.inputs(), spec.inputShape());
                    double worst = 0;
                    for (int i = 0; i < p.length; i++) {
                        worst = Math.max(worst, Math.abs(p[i][1] - ours[i][ours[i].length - 1]));
                    }
                    return worst;
                }
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Row row(String model, Compaction c, byte[] onnx, Evaluation e, double difference,
                           Consumer<String> progress) {
        Row r = new Row(model, c.isNone() ? "full model (float32)" : c.describe(), onnx.length, OnnxExport.gzippedSize(onnx),
                e.metric("accuracy"), e.metric("auc"), difference);
        progress.accept(String.format(Locale.ROOT, "%s, %s: %d bytes, accuracy %.4f", model, r.compaction(), r.onnxBytes(),
                r.accuracy()));
        return r;
    }

    private static void finished(RunHistory h) {
        if (h.status() != RunStatus.FINISHED) {
            throw new IllegalStateException("the federated run did not finish: " + h.message());
        }
    }

    public static String markdown(String command, long seed, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("Command: `").append(command).append("`  \n");
        sb.append("Seed ").append(seed).append("; sizes of the ONNX file (opset ").append(OnnxExport.OPSET)
                .append("), plain and gzip-compressed.\n\n");
        sb.append("| model | compaction | ONNX bytes | gzip bytes | accuracy | AUC | ONNX Runtime vs ours |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %.4f | %.4f | %s |%n", r.model(), r.compaction(),
                    r.onnxBytes(), r.gzipBytes(), r.accuracy(), r.auc(),
                    Double.isNaN(r.onnxDifference()) ? "tested" : String.format(Locale.ROOT, "%.1e", r.onnxDifference())));
        }
        return sb.toString();
    }
}
