package org.medfed.privacy.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.RoundContext;
import org.medfed.engine.RunControl;
import org.medfed.engine.SelectionContext;
import org.medfed.engine.TrainingOutcome;
import org.medfed.engine.VectorMath;
import org.medfed.engine.protocol.SiteGateway;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.testsupport.Sites;
import org.medfed.privacy.PrivacyFixtures;
import org.medfed.privacy.PrivacyFixtures.MeanStrategy;
import org.medfed.privacy.dp.DpFedAvg;
import org.medfed.privacy.dp.DpFedAvgSettings;
import org.medfed.privacy.paillier.EncryptedVector;
import org.medfed.privacy.paillier.FixedPointPacking;
import org.medfed.privacy.paillier.HomomorphicAggregator;
import org.medfed.privacy.paillier.PaillierEncryptor;
import org.medfed.privacy.paillier.PaillierKeyHolder;
import org.medfed.privacy.random.CryptoRandom;
import org.medfed.privacy.random.RandomSource;
import org.medfed.privacy.secagg.SecAggCost;
import org.medfed.privacy.secagg.SecAggParameters;
import org.medfed.privacy.secagg.SecureAggregation;

/**
 * Cost of the privacy tools per round, against plain aggregation of the same updates. Not a unit test: run on
 * demand (see docs/privacy.md); writes target/privacy-benchmark.md.
 *
 * <p>Every participant runs in this one thread one after another, so "all participants" times are sums; in a real
 * study hospitals mask or encrypt in parallel and the per-participant figure is what each waits. Local training is
 * excluded (updates are precomputed). CPU time of the benchmark thread; best of 3 rounds up to 10,000
 * parameters, one round above.
 */
public final class PrivacyBenchmark {

    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws IOException {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        boolean roundOnly = args.length > 0 && args[0].equals("--round");
        PrivacyBenchmark b = new PrivacyBenchmark();
        b.line("# Privacy benchmark");
        b.line("");
        b.line("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB"
                + (quick ? ", QUICK run (small sizes only)" : roundOnly ? ", ROUND only (plain beside secure)" : "") + "; load average at start " + loadAverage());
        b.line("");
        b.line("Times are CPU milliseconds of the benchmark thread (every participant and the aggregator run in it, "
                + "one after another; local training is excluded). Plain rounds: best of 3; secure "
                + "aggregation up to 10,000 parameters: best of 3 rounds, larger cases: one round.");
        b.line("");
        b.secureAggregationBesidePlain(64, 100_000, 7);
        if (!roundOnly) {
            b.secureAggregation(quick);
            b.bonawitzComparison();
            b.paillier(quick);
            b.differentialPrivacy(quick);
        }
        b.line("load average at end " + loadAverage());
        Path out = Path.of("target", "privacy-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, b.report.toString());
        System.out.println("written to " + out.toAbsolutePath());
    }

    private void line(String s) {
        report.append(s).append('\n');
        System.out.println(s);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** A hospital whose "training" returns a precomputed update at once. */
    private static List<Participant> hospitals(int n, int dim, long seed) {
        Random r = new Random(seed);
        List<Participant> ps = new ArrayList<>();
        for (int h = 0; h < n; h++) {
            float[] d = new float[dim];
            for (int i = 0; i < dim; i++) {
                d[i] = (float) ((r.nextDouble() * 2 - 1) * 0.1);
            }
            ps.add(PrivacyFixtures.participant(String.format("h%03d", h), d));
        }
        return ps;
    }

    private record Timed<T>(T value, long nanos) {
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * CPU time of this thread: all the work runs here, one participant after another, and on a machine shared with
     * other jobs CPU time varies far less than wall time.
     */
    private static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static <T> Timed<T> time(java.util.function.Supplier<T> work) {
        long t = now();
        T v = work.get();
        return new Timed<>(v, now() - t);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    // ---------------------------------------------------------------------------------------------------------

    private void secureAggregation(boolean quick) {
        line("## Secure aggregation (Bonawitz et al. 2017), 24-bit values, threshold 2/3, no dropouts");
        line("");
        line("| participants | parameters | plain round (ms) | secagg round, all participants in sequence (ms) "
                + "| key exchange, all parties (ms) | masking per participant (ms) | unmasking, all parties (ms) "
                + "| time ratio | bytes plain (float32 up) | bytes secagg (up+down) | byte ratio | max abs diff to plain |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|");
        secAggCase(4, 10_000, false);
        secAggCase(4, 10_000, false);
        int[] dims = quick ? new int[] {10_000} : new int[] {10_000, 1_000_000};
        int[] ns = quick ? new int[] {4, 16} : new int[] {4, 16, 64};
        for (int dim : dims) {
            for (int n : ns) {
                secAggCase(n, dim, true);
            }
        }
        line("");
    }

    private void secAggCase(int n, int dim, boolean print) {
        List<Participant> ps = hospitals(n, dim, n * 31L + dim);
        ModelVector global = ModelVector.zeros(dim);
        int reps = dim <= 10_000 ? 3 : 1;
        long bestPlain = Long.MAX_VALUE;
        long[] best = null;
        ModelVector plainModel = null;
        ModelVector secureModel = null;
        Map<String, Double> d = null;
        for (int rep = 0; rep < 3; rep++) {
            // plain: the same fits and a mean; cheap, so always the best of 3
            Timed<ModelVector> plain = plainRound(ps, global);
            bestPlain = Math.min(bestPlain, plain.nanos());
            plainModel = plain.value();
        }
        for (int rep = 0; rep < reps; rep++) {
            SecureRound r = secureRound(ps, global);
            if (best == null || r.total() < best[0]) {
                best = new long[] {r.total(), r.keyExchange(), r.masking(), r.unmasking()};
                secureModel = r.model();
                d = r.diagnostics();
            }
        }
        double maxDiff = 0;
        for (int i = 0; i < dim; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(secureModel.get(i) - plainModel.get(i)));
        }
        if (print) {
            double bytes = d.get(SecureAggregation.BYTES_UP) + d.get(SecureAggregation.BYTES_DOWN);
            double plainBytes = d.get(SecureAggregation.PLAIN_BYTES);
            line(f("| %d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0fx | %,.0f | %,.0f | %.3f | %.1e |", n, dim,
                    ms(bestPlain), ms(best[0]), ms(best[1]), ms(best[2]) / n, ms(best[3]),
                    (double) best[0] / bestPlain, plainBytes, bytes, bytes / plainBytes, maxDiff));
        }
    }

    /** One secure round's result and the CPU time of its phases, all parties in this thread. */
    private record SecureRound(ModelVector model, Map<String, Double> diagnostics, long keyExchange, long masking,
                               long unmasking) {
        long total() {
            return keyExchange + masking + unmasking;
        }
    }

    private static SecureRound secureRound(List<Participant> ps, ModelVector global) {
        int n = ps.size();
        List<String> names = ps.stream().map(Participant::name).toList();
        SecureAggregation strategy = new SecureAggregation(new MeanStrategy(), SecAggParameters.of(0.5).withBits(24),
                RandomSource.secure(), 0);
        SiteGateway gateway = gateway(ps);
        Timed<List<String>> setup = time(() -> strategy.select(
                new SelectionContext(1, names, 1.0, 1, new Random(1), gateway)));
        List<ClientUpdate> ups = new ArrayList<>();
        long maskNanos = 0;
        for (Participant p : ps) {
            SiteRequest instr = instruction(global, strategy, p.name());
            long t = now();
            FitResult r = fitQuietly(p, instr);
            maskNanos += now() - t;
            ups.add(ClientUpdate.of(p.name(), 1, r));
        }
        Timed<ModelVector> unmask = time(() -> strategy.aggregate(new RoundContext(1, global, n, List.of(), gateway), ups));
        return new SecureRound(unmask.value(), strategy.roundDiagnostics(), setup.nanos(), maskNanos, unmask.nanos());
    }

    /** The plain round: every hospital's fit (its precomputed update) and the mean. */
    private static Timed<ModelVector> plainRound(List<Participant> ps, ModelVector global) {
        return time(() -> {
            List<ClientUpdate> ups = new ArrayList<>();
            for (Participant p : ps) {
                ups.add(ClientUpdate.of(p.name(), 1, fitQuietly(p, instruction(global, new MeanStrategy(), p.name()))));
            }
            return new MeanStrategy().aggregate(new RoundContext(1, global, ps.size(), List.of()), ups);
        });
    }

    /**
     * The target (secure aggregation at most 2x the plain round at 64 hospitals, 100,000 parameters): the
     * same round plain and secure, interleaved in this JVM (the order turns every repetition), after one untimed
     * round of each; min and median of the repetitions, and the ratio of each repetition's pair.
     */
    private void secureAggregationBesidePlain(int n, int dim, int reps) {
        line(f("## Secure aggregation beside the plain round, %d hospitals x %,d parameters, %d repetitions", n, dim,
                reps));
        line("");
        List<Participant> ps = hospitals(n, dim, 17);
        ModelVector global = ModelVector.zeros(dim);
        plainRound(ps, global);
        secureRound(ps, global);
        long[] plain = new long[reps];
        long[] secure = new long[reps];
        long[][] phases = new long[3][reps];
        double[] ratio = new double[reps];
        double maxDiff = 0;
        for (int rep = 0; rep < reps; rep++) {
            Timed<ModelVector> p;
            SecureRound s;
            if (rep % 2 == 0) {
                p = plainRound(ps, global);
                s = secureRound(ps, global);
            } else {
                s = secureRound(ps, global);
                p = plainRound(ps, global);
            }
            plain[rep] = p.nanos();
            secure[rep] = s.total();
            phases[0][rep] = s.keyExchange();
            phases[1][rep] = s.masking();
            phases[2][rep] = s.unmasking();
            ratio[rep] = (double) s.total() / p.nanos();
            for (int i = 0; i < dim; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(s.model().get(i) - p.value().get(i)));
            }
        }
        double bound = new org.medfed.privacy.secagg.Quantizer(24, 0.5, n).maxErrorPerValue() + 1e-7;
        if (maxDiff > bound) {
            throw new IllegalStateException("secure mean differs from the plain mean by " + maxDiff);
        }
        line("| measure (CPU ms of the benchmark thread) | min | median |");
        line("|---|---|---|");
        line(f("| plain round (%d fits + mean) | %.1f | %.1f |", n, ms(min(plain)), ms(median(plain))));
        line(f("| secure round, all parties in sequence | %.1f | %.1f |", ms(min(secure)), ms(median(secure))));
        line(f("| - key exchange (advertise keys, share keys) | %.1f | %.1f |", ms(min(phases[0])), ms(median(phases[0]))));
        line(f("| - receiving the shares and masking, all %d hospitals | %.1f | %.1f |", n, ms(min(phases[1])), ms(median(phases[1]))));
        line(f("| - unmasking and mean | %.1f | %.1f |", ms(min(phases[2])), ms(median(phases[2]))));
        double[] sorted = ratio.clone();
        java.util.Arrays.sort(sorted);
        line(f("| secure / plain, per repetition | %.1fx | %.1fx |", sorted[0], sorted[reps / 2]));
        line(f("| secure / plain, of the medians | | %.1fx |", (double) median(secure) / median(plain)));
        line("");
        line(f("largest difference from the plain mean %.1e (quantisation bound %.1e)", maxDiff, bound));
        line("");
    }

    private static long min(long[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    private static SiteRequest instruction(ModelVector global, org.medfed.engine.Strategy s, String participant) {
        return Sites.fitRequest(s, participant, 1, global, PrivacyFixtures.training());
    }

    /** The participants reached one after another on this thread, so that CPU time counts all the work. */
    private static SiteGateway gateway(List<Participant> ps) {
        return requests -> {
            Map<String, org.medfed.engine.protocol.Params> replies = new java.util.LinkedHashMap<>();
            for (Participant p : ps) {
                SiteRequest r = requests.get(p.name());
                if (r != null) {
                    try {
                        replies.put(p.name(), p.call(r, RunControl.free()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return new SiteGateway.Answers(replies, Map.of());
        };
    }

    private static FitResult fitQuietly(Participant p, SiteRequest instruction) {
        try {
            return FitResult.fromReply(p.call(instruction, RunControl.free()),
                    org.medfed.engine.ModelVector.wrap(instruction.params().floats("model")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void bonawitzComparison() {
        line("## Communication expansion, our message sizes (SecAggCost)");
        line("");
        line("Bonawitz et al. report 1.73x for 2^10 users and 2^20 values of 16 bits (sum needs 26 bits).");
        line("");
        line("| participants | values | input bits | masked bits k | bytes up per participant | bytes down "
                + "| plain bytes | expansion |");
        line("|---|---|---|---|---|---|---|---|");
        int[][] cases = {{1024, 1 << 20, 16}, {1 << 14, 1 << 24, 16}, {4, 10_000, 24}, {64, 1_000_000, 24}};
        for (int[] c : cases) {
            int n = c[0];
            int values = c[1];
            int input = c[2];
            int k = input == 16 ? SecAggCost.bitsFor(n, input) : 24;
            int plainBits = input == 16 ? 16 : 32;
            line(f("| %,d | %,d | %d | %d | %,d | %,d | %,.0f | %.3f |", n, values, plainBits, k,
                    SecAggCost.bytesUpPerParticipant(n, values, k), SecAggCost.bytesDownPerParticipant(n),
                    Math.ceil((double) values * plainBits / 8), SecAggCost.expansion(n, values, k, plainBits)));
        }
        line("");
    }

    // ---------------------------------------------------------------------------------------------------------

    private void paillier(boolean quick) {
        line("## Paillier aggregation, 2048-bit modulus, 4 participants, fixed point 16 fraction bits, range +-1, "
                + "headroom for 16 participants");
        line("");
        RandomSource random = RandomSource.secure();
        Timed<PaillierKeyHolder> keyGen = time(() -> PaillierKeyHolder.generate(2048, 2,
                random.secureRandom("bench", 0)));
        line(f("key generation: %.0f ms", ms(keyGen.nanos())));
        line("");
        line("| parameters | packing | values per ciphertext | ciphertexts per participant | plain round (ms) "
                + "| encryption per participant (ms) | aggregation of ciphertexts (ms) | decryption by key holder (ms) "
                + "| round, participants in sequence (ms) | time ratio | bytes up per participant | byte ratio to float32 |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|");
        PaillierKeyHolder holder = keyGen.value();
        paillierCase(holder, 256, false);
        paillierCase(holder, 256, true);
        if (!quick) {
            paillierCase(holder, 1_000, false);
            paillierCase(holder, 10_000, true);
            paillierCase(holder, 100_000, true);
        }
        line("");
    }

    private void paillierCase(PaillierKeyHolder holder, int dim, boolean packed) {
        int n = 4;
        FixedPointPacking packing = new FixedPointPacking(16, 1.0, 16, 2048, packed);
        PaillierEncryptor enc = new PaillierEncryptor(holder.publicKey(), packing);
        HomomorphicAggregator agg = new HomomorphicAggregator(holder.publicKey(), packing);
        Random r = new Random(dim);
        List<double[]> vectors = new ArrayList<>();
        List<ModelVector> plainVectors = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            double[] v = new double[dim];
            float[] fv = new float[dim];
            for (int i = 0; i < dim; i++) {
                v[i] = (r.nextDouble() * 2 - 1) * 0.1;
                fv[i] = (float) v[i];
            }
            vectors.add(v);
            plainVectors.add(ModelVector.of(fv));
        }
        Timed<ModelVector> plain = time(() -> VectorMath.mean(plainVectors));
        CryptoRandom rnd = RandomSource.secure().stream("bench", 0);
        long encNanos = 0;
        List<EncryptedVector> cts = new ArrayList<>();
        for (double[] v : vectors) {
            long t = now();
            cts.add(enc.encrypt(v, rnd));
            encNanos += now() - t;
        }
        Timed<EncryptedVector> sum = time(() -> agg.sum(cts));
        Timed<BigInteger[]> dec = time(() -> holder.decryptSum(sum.value()));
        double[] decoded = packing.decode(dec.value(), dim, n);
        double maxDiff = 0;
        for (int i = 0; i < dim; i++) {
            double expect = 0;
            for (double[] v : vectors) {
                expect += v[i];
            }
            maxDiff = Math.max(maxDiff, Math.abs(decoded[i] - expect));
        }
        if (maxDiff > n * packing.resolution() + 1e-12) {
            throw new IllegalStateException("Paillier sum wrong by " + maxDiff);
        }
        long total = encNanos + sum.nanos() + dec.nanos();
        long bytes = cts.get(0).wireBytes(holder.publicKey().ciphertextBytes());
        line(f("| %,d | %s | %d | %,d | %.2f | %.0f | %.1f | %.0f | %.0f | %.0fx | %,d | %.1f |", dim,
                packed ? "packed" : "one value each", packing.slotsPerPlaintext(), packing.plaintexts(dim),
                ms(plain.nanos()), ms(encNanos) / n, ms(sum.nanos()), ms(dec.nanos()), ms(total),
                (double) total / Math.max(1, plain.nanos()), bytes, bytes / (4.0 * dim)));
    }

    // ---------------------------------------------------------------------------------------------------------

    private void differentialPrivacy(boolean quick) {
        int dim = quick ? 100_000 : 1_000_000;
        int n = 16;
        line("## DP-FedAvg, " + n + " participants, " + String.format(Locale.ROOT, "%,d", dim) + " parameters");
        line("");
        List<Participant> ps = hospitals(n, dim, 5);
        ModelVector global = ModelVector.zeros(dim);
        List<ClientUpdate> ups = new ArrayList<>();
        for (Participant p : ps) {
            ups.add(ClientUpdate.of(p.name(), 1, fitQuietly(p, instruction(global, new MeanStrategy(), p.name()))));
        }
        List<String> names = ps.stream().map(Participant::name).toList();
        long bestPlain = Long.MAX_VALUE;
        long bestDp = Long.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            Timed<ModelVector> plain = time(() -> new MeanStrategy()
                    .aggregate(new RoundContext(1, global, n, List.of()), ups));
            DpFedAvg dp = new DpFedAvg(new MeanStrategy(), DpFedAvgSettings.fixed(1.0, 1.0, 1e-5), RandomSource.secure());
            Timed<ModelVector> priv = time(() -> {
                dp.select(new SelectionContext(1, names, 1.0, 1, new Random(0)));
                return dp.aggregate(new RoundContext(1, global, n, List.of()), ups);
            });
            bestPlain = Math.min(bestPlain, plain.nanos());
            bestDp = Math.min(bestDp, priv.nanos());
        }
        line(f("plain mean %.1f ms; DP-FedAvg aggregation (clip every update, Gaussian noise from ChaCha20 and "
                + "Box-Muller, accountant) %.1f ms: %.1fx", ms(bestPlain), ms(bestDp), (double) bestDp / bestPlain));
        CryptoRandom r = RandomSource.secure().stream("bench", 1);
        double[] noise = new double[dim];
        long t = now();
        r.addGaussian(noise, 1.0);
        line(f("Gaussian noise for %,d parameters: %.1f ms", dim, ms(now() - t)));
        line("");
    }
}
