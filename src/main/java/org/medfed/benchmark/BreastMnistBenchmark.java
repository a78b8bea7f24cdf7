package org.medfed.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.medfed.site.InProcessParticipant;
import org.medfed.data.ExampleSet;
import org.medfed.data.image.Augmentation;
import org.medfed.data.image.ImageDataset;
import org.medfed.data.image.ImageExample;
import org.medfed.data.image.MedMnist;
import org.medfed.data.image.Normalisation;
import org.medfed.data.image.Preprocessing;
import org.medfed.data.image.Windowing;
import org.medfed.data.split.HospitalSplitter;
import org.medfed.data.split.SplitRule;
import org.medfed.engine.BadInputException;
import org.medfed.engine.Evaluation;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.engine.Seeds;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.transport.SameThreadTransport;

/**
 * BreastMNIST (MedMNIST v2, breast ultrasound, 28x28): its official training set dealt into simulated hospitals,
 * IID and with Dirichlet label skew; the CNN trained federated (FedAvg weighted by examples, and FedProx), by each
 * hospital alone, and on all training images pooled; accuracy and AUC on the official test split, over seeds.
 *
 * <p>Pixels are scaled to [0, 1] (value / 255) and nothing else, as MedMNIST's own baselines do. The official
 * validation split is each hospital's monitoring set during the federated run (its per-round metrics); no model
 * is selected on it: every figure is the last model's. Participants train one after another on the calling
 * thread, so wall times are those of one process on this machine.
 */
public final class BreastMnistBenchmark {

    /** MedMNIST v2 (Yang et al., Scientific Data 10, 41, 2023), benchmark table, BreastMNIST, ResNet-18 (28). */
    public static final double RESNET18_28_ACC = 0.863;
    public static final double RESNET18_28_AUC = 0.901;

    /**
     * What to train and how long.
     *
     * @param filters      CNN convolution filters per level
     * @param hidden       CNN dense hidden layer sizes
     * @param epochs       passes over its data for pooled and single-hospital training
     * @param rounds       federated rounds, each of {@code localEpochs} passes at every hospital
     * @param fedProxMu    FedProx's mu; 0 leaves FedProx out
     * @param alpha        Dirichlet concentration of the label-skewed split
     */
    public record Settings(int[] filters, int[] hidden, int hospitals, int epochs, int rounds, int localEpochs,
                           int batchSize, double learningRate, double fedProxMu, double alpha) {

        /**
         * The budget of the reported run: 30 passes over the data for every model (pooled: 30 epochs; federated:
         * 30 rounds of one local epoch; alone: 30 epochs of its own third), so that every row has seen each of
         * its images equally often. At 10 passes every model was still improving (pooled AUC 0.844); DL4J trains
         * this CNN at about 900 images/s on 2 quiet cores, so one seed of all rows takes about 4 minutes.
         */
        public static Settings reported() {
            return new Settings(new int[] {8, 16}, new int[] {32}, 3, 30, 30, 1, 32, 0.001, 0.01, 0.5);
        }

        public String describe() {
            return String.format(java.util.Locale.ROOT, "CNN filters %s, dense %s (%d parameters); Adam lr %s, batch %d; "
                    + "pooled and alone %d epochs; federated %d rounds x %d local epoch(s)", Arrays.toString(filters),
                    Arrays.toString(hidden), spec().parameterCount(), learningRate, batchSize, epochs, rounds, localEpochs);
        }

        public ModelSpec spec() {
            return ModelSpec.cnn(new int[] {1, 28, 28}, 2, filters, hidden);
        }
    }

    /** The three official splits. */
    public record Data(ExampleSet train, ExampleSet val, ExampleSet test) {

        public static Data load(Path dir) {
            Path npz = Files.isDirectory(dir) ? dir.resolve("breastmnist.npz") : dir;
            if (!Files.isRegularFile(npz)) {
                throw new BadInputException(dir, null, "has no breastmnist.npz (MedMNIST v2's BreastMNIST file)");
            }
            Preprocessing scale = new Preprocessing(Windowing.none(), 28, 28, 1, Normalisation.fixed(0, 255),
                    Augmentation.none());
            return new Data(set(MedMnist.load(npz, "train", MedMnist.BREAST_CLASSES, scale)),
                    set(MedMnist.load(npz, "val", MedMnist.BREAST_CLASSES, scale)),
                    set(MedMnist.load(npz, "test", MedMnist.BREAST_CLASSES, scale)));
        }

        static ExampleSet set(ImageDataset ds) {
            float[][] x = ds.examples().stream().map(ImageExample::pixels).toArray(float[][]::new);
            int[] y = ds.examples().stream().mapToInt(ImageExample::label).toArray();
            return ExampleSet.classification(new int[] {ds.channels(), ds.height(), ds.width()}, x, y, 2);
        }
    }

    /** Accuracy and AUC of one model on the official test split, and the seconds spent training it. */
    public record Figures(double accuracy, double auc, double trainingSeconds) {
    }

    /** One row of the table: a method on a split, over seeds. */
    public record Row(String method, String split, List<Figures> perSeed) {

        public double meanAccuracy() {
            return BenchmarkRow.mean(perSeed.stream().map(Figures::accuracy).toList());
        }

        public double sdAccuracy() {
            return BenchmarkRow.sd(perSeed.stream().map(Figures::accuracy).toList());
        }

        public double meanAuc() {
            return BenchmarkRow.mean(perSeed.stream().map(Figures::auc).toList());
        }

        public double sdAuc() {
            return BenchmarkRow.sd(perSeed.stream().map(Figures::auc).toList());
        }

        public double trainingSeconds() {
            return perSeed.stream().mapToDouble(Figures::trainingSeconds).sum();
        }
    }

    private BreastMnistBenchmark() {
    }

    /** Every method on both splits over every seed; the pooled row does not depend on the split. */
    public static List<Row> run(Data data, Settings settings, List<Long> seeds, Consumer<String> progress) {
        Map<String, List<Figures>> rows = new LinkedHashMap<>();
        List<SplitRule> rules = List.of(SplitRule.parse("iid"), SplitRule.parse("dirichlet:" + settings.alpha()));
        for (long seed : seeds) {
            add(rows, "Pooled|all training images", pooled(data, settings, seed), progress, seed);
            for (SplitRule rule : rules) {
                String split = rule.kind() == SplitRule.Kind.IID ? "IID" : "Dirichlet alpha " + settings.alpha();
                Map<String, int[]> hospitals = HospitalSplitter.splitByLabels(data.train().labels(), settings.hospitals(),
                        rule, Seeds.derive(seed, "hospitals", 0));
                add(rows, "FedAvg (weighted)|" + split, federated(data, hospitals, "weighted-fedavg", Map.of(), settings,
                        seed), progress, seed);
                if (settings.fedProxMu() > 0) {
                    add(rows, "FedProx mu " + settings.fedProxMu() + "|" + split, federated(data, hospitals, "fedprox",
                            Map.of("mu", settings.fedProxMu()), settings, seed), progress, seed);
                }
                add(rows, "Each hospital alone (mean of " + settings.hospitals() + ")|" + split,
                        alone(data, hospitals, settings, seed), progress, seed);
            }
        }
        List<Row> out = new ArrayList<>();
        rows.forEach((key, figures) -> {
            String[] parts = key.split("\\|", 2);
            out.add(new Row(parts[0], parts[1], figures));
        });
        return out;
    }

    private static void add(Map<String, List<Figures>> rows, String key, Figures f, Consumer<String> progress, long seed) {
        rows.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        progress.accept(String.format(java.util.Locale.ROOT, "seed %d  %-50s accuracy %.3f  AUC %.3f  (%.1f s training)",
                seed, key.replace('|', ' '), f.accuracy(), f.auc(), f.trainingSeconds()));
    }

    /** All training images pooled, {@code epochs} passes. */
    public static Figures pooled(Data data, Settings s, long seed) {
        return trainAlone(data.train(), data, s, seed);
    }

    /** Each hospital's model trained on its own images only; accuracy and AUC averaged over the hospitals. */
    public static Figures alone(Data data, Map<String, int[]> hospitals, Settings s, long seed) {
        double acc = 0;
        double auc = 0;
        double seconds = 0;
        for (int[] rows : hospitals.values()) {
            Figures f = trainAlone(data.train().subset(rows), data, s, seed);
            acc += f.accuracy();
            auc += f.auc();
            seconds += f.trainingSeconds();
        }
        return new Figures(acc / hospitals.size(), auc / hospitals.size(), seconds);
    }

    private static Figures trainAlone(ExampleSet train, Data data, Settings s, long seed) {
        ModelSpec spec = s.spec();
        ModelTrainer trainer = ModelTrainer.create(spec, train, data.val());
        long t0 = System.nanoTime();
        ModelVector model = trainer.train(initial(spec, seed), new LocalTraining(0, s.epochs(), s.batchSize(),
                LocalOptimizer.ADAM, s.learningRate(), Seeds.derive(seed, "baseline", 0)), GradientAdjustment.NONE,
                RunControl.free()).params();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return figures(trainer.evaluate(model, data.test()), seconds);
    }

    /** A federated run over the hospitals; the final global model on the official test split. */
    public static Figures federated(Data data, Map<String, int[]> hospitals, String strategy, Map<String, Double> params,
                                    Settings s, long seed) {
        RunHistory h = federatedRun(data, hospitals, strategy, params, s, seed);
        Evaluation e = ModelTrainer.create(s.spec(), data.test(), data.test()).evaluate(h.model(), data.test());
        return figures(e, h.trainingNanos() / 1e9);
    }

    /** The federated run itself, whose final global model is {@code model()}. */
    public static RunHistory federatedRun(Data data, Map<String, int[]> hospitals, String strategy,
                                          Map<String, Double> params, Settings s, long seed) {
        ModelSpec spec = s.spec();
        List<InProcessParticipant> participants = new ArrayList<>();
        hospitals.forEach((name, rows) -> participants.add(InProcessParticipant.of(name, 1.0,
                ModelTrainer.create(spec, data.train().subset(rows), data.val()))));
        LocalTraining local = new LocalTraining(0, s.localEpochs(), s.batchSize(), LocalOptimizer.ADAM, s.learningRate(), 0);
        RunConfig config = new RunConfig(s.rounds(), 1.0, 1, local, seed, Duration.ofHours(1));
        RunHistory h = new FederatedRun(config, StrategyCatalog.create(strategy, params), participants,
                new SameThreadTransport(), RunListener.NONE).execute(initial(spec, seed), RunControl.free());
        if (h.status() != RunStatus.FINISHED) {
            throw new IllegalStateException(strategy + " did not finish: " + h.message());
        }
        return h;
    }

    private static Figures figures(Evaluation e, double seconds) {
        return new Figures(e.metric("accuracy"), e.metric("auc"), seconds);
    }

    static ModelVector initial(ModelSpec spec, long seed) {
        return spec.initialParameters(Seeds.derive(seed, "model-init", 0));
    }
}
