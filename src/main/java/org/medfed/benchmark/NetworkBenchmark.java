package org.medfed.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.medfed.concurrency.Workers;
import org.medfed.engine.BadInputException;
import org.medfed.engine.DataSplit;
import org.medfed.engine.EvaluationRequest;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.ParticipantTransport;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.Seeds;
import org.medfed.engine.Strategy;
import org.medfed.engine.strategy.FedAvg;
import org.medfed.model.ModelSpec;
import org.medfed.privacy.random.RandomSource;
import org.medfed.privacy.secagg.SecAggParameters;
import org.medfed.privacy.secagg.SecureAggregation;
import org.medfed.site.HospitalSite;
import org.medfed.site.InProcessParticipant;
import org.medfed.transport.InProcessTransport;

/**
 * What the network costs: the same FedAvg study of synthetic hospitals run in this process and over loopback nodes
 * (gRPC, mutual TLS), with and without secure aggregation, side by side in one run and interleaved, because on a
 * shared machine only ratios taken close together mean anything. It also counts the bytes per round and hospital,
 * as protobuf message sizes and, in a separate untimed run through a counting relay, as socket bytes.
 *
 * <p>Every network run of plain FedAvg must give the in-process run's model bit for bit; otherwise it throws.
 */
public final class NetworkBenchmark {

    /** The ways the study is run. */
    public enum Variant {
        IN_PROCESS("FedAvg, in process"),
        IN_PROCESS_PROTOBUF("FedAvg, in process, every message through protobuf"),
        NETWORK("FedAvg, loopback nodes"),
        IN_PROCESS_SECAGG("FedAvg + secure aggregation, in process"),
        NETWORK_SECAGG("FedAvg + secure aggregation, loopback nodes");

        private final String label;

        Variant(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean secure() {
            return this == IN_PROCESS_SECAGG || this == NETWORK_SECAGG;
        }
    }

    /**
     * @param hospitals   the federation sizes to measure, e.g. 4, 16, 64
     * @param rounds      FedAvg rounds per run
     * @param repetitions timed runs of each variant per size, after untimed warm-up runs
     * @param rows        rows per hospital (3/4 train, 1/4 test)
     * @param hidden      the hidden layers' widths of an MLP; none for logistic regression
     */
    public record Settings(List<Integer> hospitals, int rounds, int repetitions, int rows, long seed,
                           List<Integer> hidden) {

        public static final List<Integer> DEFAULT_HOSPITALS = List.of(4, 16, 64);
        public static final int DEFAULT_ROUNDS = 3;
        public static final int DEFAULT_REPETITIONS = 5;

        public Settings {
            hospitals = List.copyOf(hospitals);
            hidden = List.copyOf(hidden);
            if (hidden.stream().anyMatch(w -> w < 1)) {
                throw new BadInputException("--hidden: give the widths of the hidden layers, each at least 1, was "
                        + hidden);
            }
            if (hospitals.isEmpty() || hospitals.stream().anyMatch(n -> n < 2)) {
                throw new BadInputException("--nodes: give federation sizes of at least 2 "
                        + "hospitals each (secure aggregation needs two), was " + hospitals);
            }
            if (rounds < 1 || repetitions < 1 || rows < 8) {
                throw new BadInputException("rounds and repetitions must be at least 1 and rows "
                        + "at least 8, were " + rounds + ", " + repetitions + ", " + rows);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_HOSPITALS, DEFAULT_ROUNDS, DEFAULT_REPETITIONS, 300, 42, List.of());
        }

        public Settings withHospitals(List<Integer> h) {
            return new Settings(h, rounds, repetitions, rows, seed, hidden);
        }

        public Settings withRounds(int r) {
            return new Settings(hospitals, r, repetitions, rows, seed, hidden);
        }

        public Settings withRepetitions(int r) {
            return new Settings(hospitals, rounds, r, rows, seed, hidden);
        }

        public Settings withHidden(List<Integer> h) {
            return new Settings(hospitals, rounds, repetitions, rows, seed, h);
        }

        /** Logistic regression without hidden layers, else an MLP of these widths. */
        public ModelSpec model() {
            return hidden.isEmpty() ? ModelSpec.logistic(SyntheticHospitals.FEATURES, 2)
                    : ModelSpec.mlp(SyntheticHospitals.FEATURES, 2, hidden.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Local training: one epoch of SGD in batches of 32, well under a millisecond per hospital and round. */
    static final LocalTraining PLAN = new LocalTraining(0, 1, 32, LocalOptimizer.SGD, 0.05, 0);
    /**
     * Secure aggregation: deltas clipped to [-0.5, 0.5] (ample for one epoch at this learning rate; the report
     * says if any value was clipped), 32-bit masked values, two thirds needed to unmask.
     */
    static final SecAggParameters SECAGG = SecAggParameters.of(0.5);
    /** Threads for training, in process and at the nodes alike. */
    private static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Warm-up runs of each plain variant before the timed ones. */
    private static final int PLAIN_WARM_UPS = 3;
    /** Single calls timed one after another, per federation size. */
    static final int SINGLE_CALLS = 200;

    private NetworkBenchmark() {
    }

    /** @param workers gives every thread of the coordinator, the nodes and the round loops */
    public static NetworkReport run(Workers workers, Settings settings, Consumer<String> progress) {
        MachineFacts before = MachineFacts.now();
        List<NetworkReport.Federation> federations = new ArrayList<>();
        for (int n : settings.hospitals()) {
            federations.add(measure(workers, n, settings, progress));
        }
        return new NetworkReport(settings, before, MachineFacts.now(), federations);
    }

    private static NetworkReport.Federation measure(Workers workers, int n, Settings settings, Consumer<String> progress) {
        ModelSpec model = settings.model();
        List<SyntheticHospitals.Hospital> hospitals = SyntheticHospitals.generate(n, settings.rows(),
                settings.seed(), model);
        ModelVector initial = model.initialParameters(Seeds.derive(settings.seed(), "model-init", 0));
        ByteCounts bytes;
        Timings timings;
        RunHistory reference;
        try (Federation fed = new Federation(workers, settings, initial, n)) {
            List<HospitalSite> local = sites(hospitals);
            List<Participant> inProcess = local.stream().<Participant>map(s -> new InProcessParticipant(s, 1.0))
                    .toList();
            reference = fed.inProcess(false, inProcess, local, settings.rounds()).history();
            IdenticalRuns.finished("the in-process reference run", reference);

            progress.accept(String.format(Locale.ROOT, "%d hospitals: counting socket bytes through a relay", n));
            bytes = countBytes(workers, hospitals, fed, reference, progress);
            progress.accept(String.format(Locale.ROOT, "%d hospitals: timing %d repetitions of each of %d variants",
                    n, settings.repetitions(), Variant.values().length));
            timings = time(workers, hospitals, fed, local, inProcess, reference);
        }

        NetworkReport.Federation f = new NetworkReport.Federation(n, timings.millisPerRound(), bytes.protobuf(),
                bytes.socket(), timings.oneCall(), maxDifference(timings.secureSample().model(), reference.model()),
                clippedShare(timings.secureSample()));
        progress.accept(f.summary());
        return f;
    }

    /** Bytes per round and hospital of each network variant, as protobuf sizes and as socket bytes. */
    private record ByteCounts(Map<Variant, WireBytes.PerHospital> protobuf,
                              Map<Variant, WireBytes.PerHospital> socket) {
    }

    /** One run of each network variant with the nodes dialling through the counting relay; not timed. */
    private static ByteCounts countBytes(Workers workers, List<SyntheticHospitals.Hospital> hospitals, Federation fed,
                                         RunHistory reference, Consumer<String> progress) {
        int n = hospitals.size();
        int rounds = fed.settings().rounds();
        ByteCounts counts = new ByteCounts(new EnumMap<>(Variant.class), new EnumMap<>(Variant.class));
        List<HospitalSite> sites = sites(hospitals);
        long connecting = System.nanoTime();
        try (LoopbackNodes nodes = LoopbackNodes.start(workers, sites, CORES, true)) {
            progress.accept(String.format(Locale.ROOT, "%d hospitals: %d nodes connected in %.1f s", n, n,
                    (System.nanoTime() - connecting) / 1e9));
            for (Variant v : List.of(Variant.NETWORK, Variant.NETWORK_SECAGG)) {
                WireBytes protobuf0 = nodes.protobufBytes();
                WireBytes socket0 = nodes.socketBytes().orElseThrow();
                Timed t = fed.overNodes(v.secure(), nodes.participants(), sites, rounds);
                if (v.secure()) {
                    IdenticalRuns.finished(v.label() + ", through the relay", t.history());
                } else {
                    IdenticalRuns.check(n + " hospitals, through the relay", t.history(), reference);
                }
                counts.protobuf().put(v, nodes.protobufBytes().minus(protobuf0).perRoundPerHospital(rounds, n));
                counts.socket().put(v, nodes.socketBytes().orElseThrow().minus(socket0)
                        .perRoundPerHospital(rounds, n));
            }
        }
        return counts;
    }

    /** Each variant's time per round in every repetition, and one secure run's history to compare models. */
    private record Timings(Map<Variant, List<Double>> millisPerRound, RunHistory secureSample,
                           CallRoundTrip.Result oneCall) {
    }

    private static Timings time(Workers workers, List<SyntheticHospitals.Hospital> hospitals, Federation fed, List<HospitalSite> local,
                                List<Participant> inProcess, RunHistory reference) {
        int n = hospitals.size();
        int rounds = fed.settings().rounds();
        Map<Variant, List<Double>> millis = new EnumMap<>(Variant.class);
        List<Participant> encoded = inProcess.stream().<Participant>map(ProtobufRoundTripParticipant::new).toList();
        List<HospitalSite> remote = sites(hospitals);
        RunHistory secureSample = null;
        CallRoundTrip.Result oneCall;
        try (LoopbackNodes nodes = LoopbackNodes.start(workers, remote, CORES, false)) {
            List<Participant> overNetwork = nodes.participants();
            BiFunction<Variant, Integer, Timed> run = (v, r) -> switch (v) {
                case IN_PROCESS, IN_PROCESS_SECAGG -> fed.inProcess(v.secure(), inProcess, local, r);
                case IN_PROCESS_PROTOBUF -> fed.inProcess(false, encoded, local, r);
                case NETWORK, NETWORK_SECAGG -> fed.overNodes(v.secure(), overNetwork, remote, r);
            };
            // uncounted warm-up (JIT, fresh connections, thread pools): the plain runs are cheap and warm up in
            // full; of secure aggregation one round, whose key exchange is most of its cost at 64 hospitals
            for (Variant v : Variant.values()) {
                for (int i = 0; i < (v.secure() ? 1 : PLAIN_WARM_UPS); i++) {
                    IdenticalRuns.finished(v.label() + ", warm-up", run.apply(v, v.secure() ? 1 : rounds).history());
                }
            }
            Variant[] order = Variant.values();
            for (int rep = 0; rep < fed.settings().repetitions(); rep++) {
                for (int k = 0; k < order.length; k++) {
                    // the order turns each repetition, so that no variant always runs first or after the same one
                    Variant v = order[(k + rep) % order.length];
                    Timed t = run.apply(v, rounds);
                    if (v.secure()) {
                        IdenticalRuns.finished(v.label(), t.history());
                        secureSample = t.history();
                    } else {
                        IdenticalRuns.check(n + " hospitals, " + v.label(), t.history(), reference);
                    }
                    millis.computeIfAbsent(v, x -> new ArrayList<>()).add(t.millisPerRound(rounds));
                }
            }
            // the first hospital's evaluation of the initial model and of one that differs in its first parameter, in
            // turn, so that every call carries its model down (a repeated one would travel as its digest); test
            // metrics back
            float[] other = fed.initial().toArray();
            other[0] = Math.nextUp(other[0]);
            oneCall = CallRoundTrip.measure(inProcess.get(0), overNetwork.get(0), List.of(
                    EvaluationRequest.of(1, fed.initial(), DataSplit.TEST),
                    EvaluationRequest.of(1, ModelVector.wrap(other), DataSplit.TEST)), SINGLE_CALLS);
        }
        return new Timings(millis, secureSample, oneCall);
    }

    /** Fresh sites over the hospitals' rows: each way of running the study gets its own, sharing nothing. */
    private static List<HospitalSite> sites(List<SyntheticHospitals.Hospital> hospitals) {
        return hospitals.stream().map(SyntheticHospitals.Hospital::site).toList();
    }

    /** A run's history and how long its rounds took. */
    record Timed(RunHistory history, long nanos) {
        double millisPerRound(int rounds) {
            return nanos / 1e6 / rounds;
        }
    }

    /**
     * The study every variant runs: same settings, same initial model; only the participants and the strategy
     * vary. The round loop's thread pools live as long as the federation size is measured, so that no timed run
     * pays for starting threads (64 of them for 64 nodes), which a real study pays once, not every round.
     */
    private record Federation(Settings settings, ModelVector initial, InProcessTransport inProcessLoop,
                              InProcessTransport nodeLoop) implements AutoCloseable {

        /** As {@code StudyRunner}: one thread per core for hospitals in this process, one per hospital for nodes. */
        Federation(Workers workers, Settings settings, ModelVector initial, int hospitals) {
            this(settings, initial, new InProcessTransport(workers, Math.min(hospitals, CORES)),
                    new InProcessTransport(workers, hospitals));
        }

        Timed inProcess(boolean secure, List<Participant> participants, List<HospitalSite> sites, int rounds) {
            return run(secure, participants, sites, inProcessLoop, rounds);
        }

        Timed overNodes(boolean secure, List<Participant> participants, List<HospitalSite> sites, int rounds) {
            return run(secure, participants, sites, nodeLoop, rounds);
        }

        private Timed run(boolean secure, List<Participant> participants, List<HospitalSite> sites,
                          ParticipantTransport loop, int rounds) {
            sites.forEach(HospitalSite::resetState);
            Strategy strategy = secure
                    ? new SecureAggregation(FedAvg.plain(), SECAGG, RandomSource.secure(), 0)
                    : FedAvg.plain();
            // every hospital must answer: a lost one would change both the work timed and the model
            RunConfig config = new RunConfig(rounds, 1.0, participants.size(), PLAN, settings.seed(),
                    Duration.ofMinutes(10));
            FederatedRun run = new FederatedRun(config, strategy, participants, loop, RunListener.NONE);
            long t0 = System.nanoTime();
            RunHistory h = run.execute(initial, RunControl.free());
            return new Timed(h, System.nanoTime() - t0);
        }

        @Override
        public void close() {
            inProcessLoop.close();
            nodeLoop.close();
        }
    }

    private static double maxDifference(ModelVector a, ModelVector b) {
        float[] x = a.toArray();
        float[] y = b.toArray();
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs((double) x[i] - y[i]));
        }
        return max;
    }

    /** The largest share of delta values secure aggregation had to clip to its range in any round. */
    private static double clippedShare(RunHistory h) {
        return h.rounds().stream().map(RoundRecord::diagnostics)
                .mapToDouble(d -> d.getOrDefault(SecureAggregation.CLIPPED_FRACTION, 0.0)).max().orElse(0);
    }
}
