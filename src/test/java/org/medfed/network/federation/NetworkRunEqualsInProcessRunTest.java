package org.medfed.network.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunStatus;
import org.medfed.engine.Strategy;
import org.medfed.engine.strategy.FedAvg;
import org.medfed.engine.strategy.FedProx;
import org.medfed.engine.strategy.Scaffold;
import org.medfed.data.ExampleSet;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.node.SiteCallHandler;
import org.medfed.privacy.PrivacyFixtures;
import org.medfed.privacy.PrivacyFixtures.MeanStrategy;
import org.medfed.privacy.dp.DpFedAvg;
import org.medfed.privacy.dp.DpFedAvgSettings;
import org.medfed.privacy.dp.NoisePlacement;
import org.medfed.privacy.paillier.FixedPointPacking;
import org.medfed.privacy.paillier.PaillierAggregation;
import org.medfed.privacy.paillier.PaillierKeyHolder;
import org.medfed.privacy.random.RandomSource;
import org.medfed.testsupport.LoopbackFederation;
import org.medfed.privacy.secagg.SecAggParameters;
import org.medfed.privacy.secagg.SecureAggregation;
import org.medfed.site.InProcessParticipant;
import org.medfed.testsupport.Federations;
import org.medfed.testsupport.TestWorkers;
import org.medfed.transport.InProcessTransport;

/**
 * The same study run with hospitals in this process and with each hospital behind a node on the loopback (gRPC,
 * mutual TLS): bit-identical models and metrics, for plain, stateful and protected strategies alike.
 */
class NetworkRunEqualsInProcessRunTest {

    private static final LocalTraining PLAN = new LocalTraining(3, 0, 4, LocalOptimizer.SGD, 0.1, 0);

    private static List<InProcessParticipant> quadratics() {
        return List.of(Federations.quadratic("hospital-a", 10, 0f, 1f, 2f),
                Federations.quadratic("hospital-b", 20, 3f, -1f, 0f),
                Federations.quadratic("hospital-c", 30, -2f, 2f, 5f),
                Federations.quadratic("hospital-d", 40, 1f, 1f, -4f));
    }

    private static List<InProcessParticipant> deltas() {
        List<InProcessParticipant> out = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            float[] d = new float[16];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) (0.01 * ((h * 7 + i * 3) % 41 - 20));
            }
            out.add(PrivacyFixtures.participant("hospital-" + (char) ('a' + h), d));
        }
        return out;
    }

    private static RunHistory run(Strategy strategy, List<? extends Participant> participants, double fraction,
                                  int dim) {
        RunConfig config = new RunConfig(4, fraction, 1, PLAN, 42, Duration.ofMinutes(1));
        try (InProcessTransport transport = new InProcessTransport(TestWorkers.shared(), 4)) {
            return new FederatedRun(config, strategy, participants, transport, null)
                    .execute(ModelVector.zeros(dim), RunControl.free());
        }
    }

    /** As {@link #run(Strategy, List, double, int)}, from the model's own initial parameters. */
    private static RunHistory run(Strategy strategy, List<? extends Participant> participants, double fraction,
                                  int dim, ModelSpec spec) {
        RunConfig config = new RunConfig(4, fraction, 1, PLAN, 42, Duration.ofMinutes(1));
        try (InProcessTransport transport = new InProcessTransport(TestWorkers.shared(), 4)) {
            return new FederatedRun(config, strategy, participants, transport, null)
                    .execute(spec.initialParameters(7), RunControl.free());
        }
    }

    private static RunHistory overNetwork(Supplier<Strategy> strategy, List<InProcessParticipant> hospitals,
                                          double fraction, int dim) {
        List<String> names = hospitals.stream().map(InProcessParticipant::name).toList();
        try (LoopbackFederation net = new LoopbackFederation("equivalence", names)) {
            List<Participant> remote = new ArrayList<>();
            for (InProcessParticipant p : hospitals) {
                net.startNode(p.name(), new SiteCallHandler(Map.of("data", p.site())));
                remote.add(net.remote(p));
            }
            net.awaitConnected(names);
            return run(strategy.get(), remote, fraction, dim);
        }
    }

    private static void assertSame(RunHistory network, RunHistory local) {
        assertThat(network.status()).as(network.message()).isEqualTo(RunStatus.FINISHED);
        assertThat(local.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(network.model().toArray()).isEqualTo(local.model().toArray());
        assertThat(network.rounds()).hasSameSizeAs(local.rounds());
        for (int r = 0; r < local.rounds().size(); r++) {
            assertThat(network.rounds().get(r).selected()).isEqualTo(local.rounds().get(r).selected());
            assertThat(network.rounds().get(r).global()).isEqualTo(local.rounds().get(r).global());
            assertThat(network.rounds().get(r).trainLoss()).isEqualTo(local.rounds().get(r).trainLoss());
            assertThat(metrics(network, r)).isEqualTo(metrics(local, r));
        }
    }

    private static Map<String, Map<String, Double>> metrics(RunHistory h, int round) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        h.rounds().get(round).test().forEach((site, e) -> out.put(site, e.metrics()));
        return out;
    }

    @Test
    void fedAvgFedProxAndScaffoldWithSampling() {
        List<Supplier<Strategy>> strategies = List.of(FedAvg::bySamples, () -> new FedProx(0.5),
                () -> new Scaffold(1.0));
        for (Supplier<Strategy> s : strategies) {
            RunHistory local = run(s.get(), quadratics(), 0.75, 3);
            assertSame(overNetwork(s, quadratics(), 0.75, 3), local);
        }
    }

    /**
     * A round sends the same model twice, for the evaluation of round r and the training of round r + 1; the second
     * time only its digest travels. Over 4 rounds a node receives 5 whole models (the first training, 4
     * evaluations), not 8, and the run is still the in-process one bit for bit.
     */
    @Test
    void aModelTheNodeHoldsIsNotSentAgain() {
        ModelSpec spec = ModelSpec.mlp(10, 2, 400);
        int dim = spec.parameterCount();
        Supplier<List<InProcessParticipant>> hospitals = () -> {
            List<InProcessParticipant> out = new ArrayList<>();
            for (int h = 0; h < 2; h++) {
                java.util.SplittableRandom random = new java.util.SplittableRandom(h);
                float[][] x = new float[40][10];
                int[] y = new int[40];
                for (int i = 0; i < x.length; i++) {
                    for (int j = 0; j < 10; j++) {
                        x[i][j] = (float) random.nextDouble(-1, 1);
                    }
                    y[i] = x[i][0] + x[i][1] > 0 ? 1 : 0;
                }
                ExampleSet all = ExampleSet.classification(new int[] {10}, x, y, 2);
                int[] train = java.util.stream.IntStream.range(0, 30).toArray();
                int[] test = java.util.stream.IntStream.range(30, 40).toArray();
                out.add(InProcessParticipant.of("hospital-" + (char) ('a' + h), 1.0,
                        ModelTrainer.create(spec, all.subset(train), all.subset(test))));
            }
            return out;
        };
        RunHistory local = run(FedAvg.plain(), hospitals.get(), 1.0, dim, spec);
        List<String> names = List.of("hospital-a", "hospital-b");
        try (LoopbackFederation net = new LoopbackFederation("equivalence", names)) {
            List<Participant> remote = new ArrayList<>();
            for (InProcessParticipant p : hospitals.get()) {
                net.startNode(p.name(), new SiteCallHandler(Map.of("data", p.site())));
                remote.add(net.remote(p));
            }
            net.awaitConnected(names);
            assertSame(run(FedAvg.plain(), remote, 1.0, dim, spec), local);
            long modelBytes = 4L * dim;
            for (var link : net.server.nodes().links()) {
                assertThat(link.bytesDown()).as(link.node()).isBetween(5 * modelBytes, 6 * modelBytes);
            }
        }
    }

    @Test
    void secureAggregationWithDistributedDpSeeded() {
        Supplier<Strategy> s = () -> new SecureAggregation(new DpFedAvg(new MeanStrategy(),
                DpFedAvgSettings.fixed(0.5, 0.8, 1e-3).withPlacement(NoisePlacement.PARTICIPANTS),
                RandomSource.seeded(5)), SecAggParameters.of(2.0), RandomSource.seeded(4), 0);
        RunHistory local = run(s.get(), deltas(), 1.0, 16);
        assertSame(overNetwork(s, deltas(), 1.0, 16), local);
    }

    @Test
    void paillierSeeded() {
        PaillierKeyHolder holder = PaillierKeyHolder.generate(512, 2,
                RandomSource.seeded(9).secureRandom("paillier-key", 0));
        FixedPointPacking packing = new FixedPointPacking(16, 1.0, 4, 512, true);
        Supplier<Strategy> s = () -> new PaillierAggregation(new MeanStrategy(), holder.publicKey(), holder, packing,
                RandomSource.seeded(3));
        RunHistory local = run(s.get(), deltas(), 1.0, 16);
        assertSame(overNetwork(s, deltas(), 1.0, 16), local);
    }
}
