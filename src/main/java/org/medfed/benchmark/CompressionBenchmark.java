package org.medfed.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunHistory;
import org.medfed.engine.Strategy;
import org.medfed.engine.clock.HospitalSpeeds;
import org.medfed.engine.codec.Compression;
import org.medfed.engine.codec.UpdateCodec;
import org.medfed.engine.strategy.StrategyCatalog;

/**
 * Accuracy against bytes: synchronous weighted FedAvg with each codec, the bytes every hospital sent back counted
 * as the serialised replies (what a node sends), against plain float32 updates in the same run settings.
 */
public final class CompressionBenchmark {

    /** A row: the codec (null for plain float32 updates). */
    public record Codec(String label, UpdateCodec codec) {
    }

    /** One run: final accuracy and the bytes sent up and down over the whole run. */
    public record Outcome(String workload, String codec, long seed, double accuracy, long bytesUp, long bytesDown) {
    }

    private CompressionBenchmark() {
    }

    public static List<Codec> codecs() {
        return List.of(new Codec("float32 (no compression)", null),
                new Codec("delta, float32", new UpdateCodec(UpdateCodec.DELTA, 32, 1, false)),
                new Codec("8-bit quantisation", new UpdateCodec(UpdateCodec.QUANTISE, 8, 1, false)),
                new Codec("4-bit quantisation", new UpdateCodec(UpdateCodec.QUANTISE, 4, 1, false)),
                new Codec("2-bit quantisation", new UpdateCodec(UpdateCodec.QUANTISE, 2, 1, false)),
                new Codec("top-3 % + error feedback", new UpdateCodec(UpdateCodec.TOPK, 32, 0.03, true)),
                new Codec("top-3 %, no error feedback", new UpdateCodec(UpdateCodec.TOPK, 32, 0.03, false)),
                new Codec("top-10 % at 8 bits + error feedback", new UpdateCodec(UpdateCodec.TOPK_QUANTISE, 8, 0.10, true)));
    }

    /** The entry of {@code --codecs} that names the plain float32 row (no codec). */
    public static final String FLOAT32 = "float32";

    /**
     * The rows of {@code all} that {@code wanted} names, in the table's order. An entry is {@value #FLOAT32} (the
     * baseline, always kept: every difference is measured against it) or a codec id of {@link UpdateCodec#IDS},
     * optionally with the bits after a colon ({@code quantise:8}); an id alone keeps every row of that codec.
     */
    public static List<Codec> select(List<Codec> all, List<String> wanted) {
        if (wanted.isEmpty()) {
            return all;
        }
        List<java.util.function.Predicate<UpdateCodec>> keep = new ArrayList<>();
        for (String entry : wanted) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (e.equals(FLOAT32)) {
                continue;
            }
            String[] parts = e.split(":", -1);
            if (!UpdateCodec.IDS.contains(parts[0]) || parts.length > 2) {
                throw new BadInputException("--codecs: '" + entry + "' is not a codec; expected " + FLOAT32
                        + " or one of " + UpdateCodec.IDS + ", with the bits after a colon for "
                        + UpdateCodec.QUANTISE + " and " + UpdateCodec.TOPK_QUANTISE + " (e.g. quantise:8)");
            }
            Integer bits = null;
            if (parts.length == 2) {
                if (!UpdateCodec.takesBits(parts[0]) || !parts[1].matches("\\d{1,2}")
                        || !UpdateCodec.BITS.contains(Integer.parseInt(parts[1]))) {
                    throw new BadInputException("--codecs: '" + entry + "': bits after the colon are for "
                            + UpdateCodec.QUANTISE + " and " + UpdateCodec.TOPK_QUANTISE + " only, one of "
                            + UpdateCodec.BITS);
                }
                bits = Integer.parseInt(parts[1]);
            }
            Integer b = bits;
            keep.add(c -> c.id().equals(parts[0]) && (b == null || c.bits() == b));
        }
        List<Codec> out = new ArrayList<>();
        for (Codec c : all) {
            if (c.codec() == null || keep.stream().anyMatch(k -> k.test(c.codec()))) {
                out.add(c);
            }
        }
        if (out.size() == 1 && !keep.isEmpty()) {
            throw new BadInputException("--codecs " + String.join(",", wanted) + " names no row of the benchmark; its rows: "
                    + all.stream().map(Codec::label).toList());
        }
        return out;
    }

    static List<Outcome> run(Workload w, List<Codec> codecs, List<Long> seeds, Consumer<String> progress) {
        List<Outcome> out = new ArrayList<>();
        for (long seed : seeds) {
            for (Codec c : codecs) {
                Strategy base = StrategyCatalog.create("weighted-fedavg", java.util.Map.of());
                Strategy s = c.codec() == null ? base : new Compression(base, c.codec());
                RunHistory h = w.run(s, seed, HospitalSpeeds.uniform(), w.rounds(), Double.POSITIVE_INFINITY);
                long up = 0;
                long down = 0;
                for (RoundRecord r : h.rounds()) {
                    up += r.progress().bytesUp().values().stream().mapToLong(Long::longValue).sum();
                    down += r.progress().bytesDown().values().stream().mapToLong(Long::longValue).sum();
                }
                Outcome o = new Outcome(w.name(), c.label(), seed, Workload.accuracy(h.rounds().get(h.rounds().size() - 1)),
                        up, down);
                out.add(o);
                progress.accept(String.format(Locale.ROOT, "%s seed %d %-40s accuracy %.3f, %,d bytes up", w.name(), seed,
                        c.label(), o.accuracy(), o.bytesUp()));
            }
        }
        return out;
    }

    /** The table of one workload; {@code targets} adds the BreastMNIST targets as met or missed. */
    static String markdown(Workload w, List<Codec> codecs, List<Outcome> outcomes, List<Long> seeds, boolean targets) {
        StringBuilder sb = new StringBuilder();
        sb.append("#### ").append(w.name()).append(": ").append(w.settings()).append(", ").append(w.rounds())
                .append(" rounds of weighted FedAvg\n\n");
        sb.append("| codec | final accuracy | difference to float32 (points, +- sd of the per-seed differences) | bytes up per hospital and round | "
                + "share of float32's bytes |\n|---|---|---|---|---|\n");
        double baseAcc = Double.NaN;
        double baseBytes = Double.NaN;
        StringBuilder verdicts = new StringBuilder();
        boolean allMet = true;
        for (Codec c : codecs) {
            List<Outcome> mine = outcomes.stream().filter(o -> o.codec().equals(c.label())).toList();
            double acc = AsyncBenchmark.mean(mine.stream().map(Outcome::accuracy).toList());
            double sd = BenchmarkRow.sd(mine.stream().map(Outcome::accuracy).toList());
            int hospitals = w.hospitals().apply(seeds.get(0)).size();
            double perHospitalRound = AsyncBenchmark.mean(mine.stream().map(o -> (double) o.bytesUp()).toList())
                    / (hospitals * (double) w.rounds());
            if (c.codec() == null) {
                baseAcc = acc;
                baseBytes = perHospitalRound;
            }
            double share = perHospitalRound / baseBytes;
            double diff = 100 * (acc - baseAcc);
            // the same seed gives both runs the same hospitals and start: the per-seed differences' spread says
            // more about the codec than the two accuracies' spreads
            List<Double> paired = new ArrayList<>();
            for (Outcome o : mine) {
                outcomes.stream().filter(b -> b.seed() == o.seed() && b.codec().equals(codecs.get(0).label()))
                        .forEach(b -> paired.add(100 * (o.accuracy() - b.accuracy())));
            }
            sb.append(String.format(Locale.ROOT, "| %s | %.3f +- %.3f | %+.1f +- %.1f | %,.0f | %.3f (1/%.1f) |\n",
                    c.label(), acc, sd, diff, BenchmarkRow.sd(paired), perHospitalRound, share, 1 / share));
            if (targets && c.codec() != null) {
                Double limit = null;
                Double bytesLimit = null;
                if (c.codec().id().equals(UpdateCodec.QUANTISE) && c.codec().bits() == 8) {
                    limit = 0.5;
                    bytesLimit = 0.25;
                } else if (c.codec().id().equals(UpdateCodec.TOPK) && c.codec().errorFeedback()) {
                    limit = 1.0;
                    bytesLimit = 0.05;
                }
                if (limit != null) {
                    boolean close = diff >= -limit;
                    boolean small = share <= bytesLimit * 1.02; // within 2 % of the fraction: headers and scales
                    allMet &= close && small;
                    verdicts.append(String.format(Locale.ROOT, "- %s: %+.1f points (target within %.1f), %.3f of "
                                    + "float32's bytes (target %.2f): **%s**\n", c.label(), diff, limit, share, bytesLimit,
                            close && small ? "met" : "missed"));
                }
            }
        }
        sb.append("\nSeeds ").append(seeds).append("; mean over seeds (accuracy +- population sd). Bytes are the "
                + "serialised replies of the training requests, as a node sends them.\n");
        if (targets) {
            sb.append("\n").append(verdicts).append("\nTargets on ").append(w.name()).append(": **")
                    .append(allMet ? "met" : "missed").append("**.\n");
        }
        return sb.toString();
    }
}
