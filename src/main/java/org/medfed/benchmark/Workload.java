package org.medfed.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.medfed.data.ExampleSet;
import org.medfed.data.tabular.TabularFederation;
import org.medfed.data.split.HospitalSplitter;
import org.medfed.data.split.SplitRule;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunEvent;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunStatus;
import org.medfed.engine.Seeds;
import org.medfed.engine.Strategy;
import org.medfed.engine.clock.Timing;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.site.InProcessParticipant;
import org.medfed.transport.SameThreadTransport;

/**
 * A federation the async and compression benchmarks run: hospitals built afresh for each run and seed, the model,
 * the local training plan and the synchronous baseline's rounds. The accuracy of a record is its {@code accuracy}
 * over the hospitals' test rows.
 */
record Workload(String name, String settings, LongFunction<List<InProcessParticipant>> hospitals, ModelSpec spec,
                LocalTraining training, int rounds, List<AsyncBenchmark.Method> asyncMethods) {

    /**
     * Fed-Heart-Disease with our recommended settings (pooled z-scores, logistic regression, SGD lr 0.01, batch 4,
     * 100 steps per round, 15 rounds); accuracy is the mean over the four centres' test rows, as FLamby's.
     */
    static Workload heart(Path dir) {
        FedHeartDiseaseBenchmark.Data data = FedHeartDiseaseBenchmark.Data.load(dir);
        TabularFederation pooled = data.pooled();
        return new Workload("Fed-Heart-Disease", "4 centres, logistic regression, pooled z-scores; SGD lr 0.01, batch 4, "
                + "100 local steps per job", seed -> {
                    List<InProcessParticipant> out = new ArrayList<>();
                    for (TabularFederation.PreparedSite s : pooled.sites()) {
                        out.add(InProcessParticipant.of(s.name(), 1.0, ModelTrainer.create(data.spec(), s.train(),
                                s.test())));
                    }
                    return out;
                }, data.spec(), FedHeartDiseaseBenchmark.ourTraining(), FedHeartDiseaseBenchmark.FLAMBY_ROUNDS,
                AsyncBenchmark.heartMethods());
    }

    /**
     * BreastMNIST's official training images dealt IID into 3 hospitals (per seed), the imaging benchmark's CNN,
     * Adam lr 0.001, batch 32, one local epoch per job, 30 synchronous rounds. The official test split is the test
     * set of the first hospital only, so a record's accuracy is the official test accuracy, computed once.
     */
    static Workload breastMnist(Path dir) {
        BreastMnistBenchmark.Data data = BreastMnistBenchmark.Data.load(dir);
        BreastMnistBenchmark.Settings s = BreastMnistBenchmark.Settings.reported();
        ModelSpec spec = s.spec();
        ExampleSet none = data.test().subset(new int[0]);
        return new Workload("BreastMNIST", "3 IID hospitals, CNN " + spec.parameterCount() + " parameters; Adam lr "
                + s.learningRate() + ", batch " + s.batchSize() + ", one local epoch per job", seed -> {
                    Map<String, int[]> split = HospitalSplitter.splitByLabels(data.train().labels(), s.hospitals(),
                            SplitRule.parse("iid"), Seeds.derive(seed, "hospitals", 0));
                    List<InProcessParticipant> out = new ArrayList<>();
                    boolean first = true;
                    for (Map.Entry<String, int[]> h : split.entrySet()) {
                        out.add(InProcessParticipant.of(h.getKey(), 1.0, ModelTrainer.create(spec,
                                data.train().subset(h.getValue()), first ? data.test() : none)));
                        first = false;
                    }
                    return out;
                }, spec, new LocalTraining(0, s.localEpochs(), s.batchSize(), LocalOptimizer.ADAM, s.learningRate(), 0),
                s.rounds(), AsyncBenchmark.cnnMethods());
    }

    /**
     * One run of {@code strategy} for at most {@code records} records on {@code timing}'s clock, stopped after the
     * first record at or past {@code clockBudget} seconds.
     */
    RunHistory run(Strategy strategy, long seed, Timing timing, int records, double clockBudget) {
        RunControl control = RunControl.free();
        RunConfig config = new RunConfig(records, 1.0, 1, training, seed, Duration.ofHours(1)).withTiming(timing);
        RunHistory h = new FederatedRun(config, strategy, hospitals.apply(seed), new SameThreadTransport(), event -> {
            if (event instanceof RunEvent.RoundAggregated a && a.record().progress().clockSeconds() >= clockBudget) {
                control.cancel();
            }
        }).execute(BreastMnistBenchmark.initial(spec, seed), control);
        if (h.status() == RunStatus.FAILED || h.rounds().isEmpty()) {
            throw new IllegalStateException(strategy.id() + " on " + name + " did not finish: " + h.message());
        }
        return h;
    }

    static double accuracy(RoundRecord r) {
        return r.globalMetric("accuracy");
    }
}
