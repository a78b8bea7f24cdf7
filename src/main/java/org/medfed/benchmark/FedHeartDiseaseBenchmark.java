package org.medfed.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.medfed.site.InProcessParticipant;
import org.medfed.data.ExampleSet;
import org.medfed.data.tabular.Normalization;
import org.medfed.data.tabular.TabularFederation;
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
import org.medfed.engine.Strategy;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.model.ModelTrainer;
import org.medfed.model.ModelSpec;
import org.medfed.transport.SameThreadTransport;

/**
 * Fed-Heart-Disease under FLamby's protocol: every FLamby row with its published figure beside ours, then our
 * recommended settings. The headline figure of a run is the unweighted mean of the four centres' test
 * accuracies; a row reports its mean and standard deviation over seeds.
 *
 * <p>Participants train one after another (same-thread transport) so that the time in local training is
 * measured exactly.
 */
public final class FedHeartDiseaseBenchmark {

    /** A method of the table: how to train, and FLamby's reference figure (null for our own rows). */
    public record Method(String name, String settings, Double reference, Double referenceSd, Trainer trainer) {
    }

    /** Trains one seed and returns the per-centre test accuracies plus time spent in local training. */
    @FunctionalInterface
    public interface Trainer {
        Outcome run(Data data, long seed);
    }

    /** Per-centre accuracies of one seed and the nanoseconds of local training in it. */
    public record Outcome(Map<String, Double> accuracy, long trainingNanos) {
        double mean() {
            return accuracy.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    /** The prepared data under both normalisations. */
    public record Data(TabularFederation local, TabularFederation pooled, ModelSpec spec) {
        /** On FLamby's own split, row for row. */
        public static Data load(Path dir) {
            return of(HeartDiseaseData.prepare(dir, Normalization.LOCAL),
                    HeartDiseaseData.prepare(dir, Normalization.POOLED));
        }

        /** On another split with FLamby's counts. */
        static Data load(Path dir, long splitSeed) {
            return of(HeartDiseaseData.prepare(dir, Normalization.LOCAL, splitSeed),
                    HeartDiseaseData.prepare(dir, Normalization.POOLED, splitSeed));
        }

        private static Data of(TabularFederation local, TabularFederation pooled) {
            return new Data(local, pooled, ModelSpec.logistic(local.preprocessing().inputSize(), 2));
        }
    }

    public static final int FLAMBY_ROUNDS = 15;
    public static final int FLAMBY_LOCAL_STEPS = 100;
    public static final int FLAMBY_BATCH = 4;

    private FedHeartDiseaseBenchmark() {
    }

    /** FLamby's rows with their published means and standard deviations. */
    public static List<Method> flambyMethods() {
        List<Method> m = new ArrayList<>();
        m.add(new Method("Pooled", "Adam lr 0.001, batch 4, 50 epochs", 0.735, 0.003, pooled(50, 0.001, Normalization.LOCAL)));
        String[] localRef = {"0.722", "0.629", "0.567", "0.637"};
        double[] localSd = {0.019, 0.015, 0.052, 0.035};
        for (int i = 0; i < 4; i++) {
            int centre = i;
            m.add(new Method("Local " + i + " (" + HeartDiseaseData.CENTRES.get(i).substring(2) + ")",
                    "Adam lr 0.001, batch 4, 50 epochs", Double.parseDouble(localRef[i]), localSd[i],
                    local(centre, 50, 0.001)));
        }
        m.add(fed("FedAvg", "weighted-fedavg", Map.of(), 0.001, 0.685, 0.025));
        m.add(fed("FedProx", "fedprox", Map.of("mu", 0.01), 0.001, 0.685, 0.025));
        m.add(fed("Scaffold", "scaffold", Map.of("serverLearningRate", 1.0), 0.001, 0.684, 0.025));
        m.add(fed("Cyclic", "cyclic", Map.of("shuffle", 1.0), 0.01, 0.718, 0.026));
        m.add(fed("FedAdam", "fedadam", Map.of("serverLearningRate", 0.01, "tau", 1e-8), 0.01, 0.726, 0.012));
        m.add(fed("FedYogi", "fedyogi", Map.of("serverLearningRate", 0.01, "tau", 1e-8), 0.003162, 0.731, 0.011));
        m.add(fed("FedAdagrad", "fedadagrad", Map.of("serverLearningRate", 0.316228, "tau", 1e-8), 0.003162, 0.731, 0.011));
        return m;
    }

    static Method fed(String name, String strategy, Map<String, Double> params, double clientLr, Double ref, Double sd) {
        String settings = "SGD lr " + clientLr + ", batch 4, " + FLAMBY_LOCAL_STEPS + " steps x " + FLAMBY_ROUNDS
                + " rounds" + (params.isEmpty() ? "" : ", " + new java.util.TreeMap<>(params));
        return new Method(name, settings, ref, sd, federated(strategy, params,
                new LocalTraining(FLAMBY_LOCAL_STEPS, 0, FLAMBY_BATCH, LocalOptimizer.SGD, clientLr, 0), FLAMBY_ROUNDS,
                Normalization.LOCAL));
    }

    /** A federated run of {@code strategy}; accuracy of the final global model on each centre's test rows. */
    public static Trainer federated(String strategy, Map<String, Double> params, LocalTraining training, int rounds,
                                    Normalization normalization) {
        return (data, seed) -> {
            TabularFederation prepared = normalization == Normalization.POOLED ? data.pooled() : data.local();
            List<InProcessParticipant> participants = new ArrayList<>();
            for (TabularFederation.PreparedSite s : prepared.sites()) {
                participants.add(InProcessParticipant.of(s.name(), 1.0, ModelTrainer.create(data.spec(), s.train(), s.test())));
            }
            Strategy st = StrategyCatalog.create(strategy, params);
            RunConfig config = new RunConfig(rounds, 1.0, 1, training, seed, Duration.ofHours(1));
            RunHistory h = new FederatedRun(config, st, participants, new SameThreadTransport(), RunListener.NONE)
                    .execute(initial(data.spec(), seed), RunControl.free());
            if (h.status() != RunStatus.FINISHED) {
                throw new IllegalStateException(strategy + " did not finish: " + h.message());
            }
            Map<String, Double> acc = new TreeMap<>();
            h.rounds().get(h.rounds().size() - 1).test().forEach((site, e) -> acc.put(site, e.metric("accuracy")));
            return new Outcome(acc, h.trainingNanos());
        };
    }

    /** One centre alone; its model evaluated on every centre's test rows (each with its own z-scores). */
    static Trainer local(int centre, int epochs, double lr) {
        return (data, seed) -> {
            TabularFederation.PreparedSite site = data.local().sites().get(centre);
            return trainAlone(data, data.local(), site.train(), seed, epochs, lr);
        };
    }

    /**
     * All centres' training rows pooled, standardised with the pooled statistics as FLamby does, evaluated on
     * each centre's test rows standardised as {@code testNormalization} says (FLamby: each centre's own).
     */
    public static Trainer pooled(int epochs, double lr, Normalization testNormalization) {
        return (data, seed) -> trainAlone(data,
                testNormalization == Normalization.POOLED ? data.pooled() : data.local(),
                data.pooled().pooledTraining(), seed, epochs, lr);
    }

    private static Outcome trainAlone(Data data, TabularFederation testData, ExampleSet train, long seed, int epochs,
                                      double lr) {
        ModelTrainer trainer = ModelTrainer.create(data.spec(), train, train);
        long t0 = System.nanoTime();
        ModelVector model = trainer.train(initial(data.spec(), seed),
                new LocalTraining(0, epochs, FLAMBY_BATCH, LocalOptimizer.ADAM, lr, Seeds.derive(seed, "baseline", 0)),
                GradientAdjustment.NONE, RunControl.free()).params();
        long nanos = System.nanoTime() - t0;
        Map<String, Double> acc = new TreeMap<>();
        for (TabularFederation.PreparedSite s : testData.sites()) {
            Evaluation e = trainer.evaluate(model, s.test());
            acc.put(s.name(), e.metric("accuracy"));
        }
        return new Outcome(acc, nanos);
    }

    static ModelVector initial(ModelSpec spec, long seed) {
        return spec.initialParameters(Seeds.derive(seed, "model-init", 0));
    }

    /** Our recommended settings: standardisation with pooled statistics computed from counts and sums. */
    public static List<Method> ourMethods() {
        List<Method> m = new ArrayList<>();
        m.add(new Method("Pooled, pooled z-scores", "Adam lr 0.001, batch 4, 50 epochs; tests z-scored with the "
                + "pooled training statistics", null, null, pooled(50, 0.001, Normalization.POOLED)));
        m.add(ours("FedAvg (ours)", "weighted-fedavg", Map.of(), 0.01));
        m.add(ours("FedYogi (ours)", "fedyogi", Map.of("serverLearningRate", 0.01), 0.003162));
        m.add(ours("SCAFFOLD (ours)", "scaffold", Map.of(), 0.01));
        return m;
    }

    /** Local training of our recommended rows: SGD lr 0.01, batch 4, 100 steps per round. */
    public static LocalTraining ourTraining() {
        return new LocalTraining(FLAMBY_LOCAL_STEPS, 0, FLAMBY_BATCH, LocalOptimizer.SGD, 0.01, 0);
    }

    /** The prepared hospitals as study sites. */
    public static List<org.medfed.study.SiteData> sites(TabularFederation federation) {
        return federation.sites().stream().map(s -> new org.medfed.study.SiteData(s.name(), s.train(), s.test(), ""))
                .toList();
    }

    static Method ours(String name, String strategy, Map<String, Double> params, double clientLr) {
        String settings = "pooled z-scores computed federatedly; SGD lr " + clientLr + ", batch 4, "
                + FLAMBY_LOCAL_STEPS + " steps x " + FLAMBY_ROUNDS + " rounds" + (params.isEmpty() ? "" : ", " + new java.util.TreeMap<>(params));
        return new Method(name, settings, null, null, federated(strategy, params,
                new LocalTraining(FLAMBY_LOCAL_STEPS, 0, FLAMBY_BATCH, LocalOptimizer.SGD, clientLr, 0), FLAMBY_ROUNDS,
                Normalization.POOLED));
    }

    /**
     * Runs every method over every seed on FLamby's own split, then over {@code extraSplits} further splits with
     * the same counts (our shuffle, seeds 1, 2, ...): with test sets of 16 to 104 patients the split alone moves
     * every row by several points.
     */
    public static List<BenchmarkRow> run(Path dataDir, List<Method> methods, List<Long> seeds, int extraSplits,
                                         Consumer<String> progress) {
        Data protocol = Data.load(dataDir);
        List<List<Double>> perSplit = new ArrayList<>();
        methods.forEach(m -> perSplit.add(new ArrayList<>()));
        for (int s = 1; s <= extraSplits; s++) {
            progress.accept("split " + s + " of " + extraSplits);
            Data data = Data.load(dataDir, s);
            for (int i = 0; i < methods.size(); i++) {
                perSplit.get(i).add(runMethod(methods.get(i), data, seeds).mean);
            }
        }
        List<BenchmarkRow> rows = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            Method m = methods.get(i);
            SeedRuns r = runMethod(m, protocol, seeds);
            BenchmarkRow row = new BenchmarkRow(m.name(), m.settings(), r.perSeed, perSplit.get(i), m.reference(),
                    m.referenceSd(), r.wallNanos / 1e9, r.wallNanos == 0 ? 0 : (double) r.trainingNanos / r.wallNanos);
            progress.accept(String.format(java.util.Locale.ROOT, "%-24s %.3f +- %.3f%s  (%.1f s)", m.name(), row.mean(),
                    row.sd(), m.reference() == null ? "" : String.format(java.util.Locale.ROOT, "   FLamby %.3f",
                            m.reference()), row.wallSeconds()));
            rows.add(row);
        }
        return rows;
    }

    private record SeedRuns(List<Double> perSeed, double mean, long wallNanos, long trainingNanos) {
    }

    private static SeedRuns runMethod(Method m, Data data, List<Long> seeds) {
        List<Double> perSeed = new ArrayList<>();
        long wall = 0;
        long training = 0;
        for (long seed : seeds) {
            long t0 = System.nanoTime();
            Outcome o = m.trainer().run(data, seed);
            wall += System.nanoTime() - t0;
            training += o.trainingNanos();
            perSeed.add(o.mean());
        }
        return new SeedRuns(perSeed, BenchmarkRow.mean(perSeed), wall, training);
    }
}
