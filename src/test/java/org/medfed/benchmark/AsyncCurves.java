package org.medfed.benchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunHistory;
import org.medfed.engine.clock.HospitalSpeeds;
import org.medfed.engine.clock.SpeedProfile;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.site.InProcessParticipant;

/**
 * A tool, not a test: the accuracy curve of single BreastMNIST runs of the async benchmark's federation (one slow
 * hospital), with the strategy settings given, to choose settings on seeds the benchmark does not report and to
 * look at how a run drifts. Used for docs/benchmarks.md section 10:
 * {@code java -cp target/test-classes:target/medfed.jar org.medfed.benchmark.AsyncCurves DIR SEED SYNC_ROUNDS
 * BUDGET_SECONDS STRATEGY[:name=value;name=value]...}; a synchronous strategy runs SYNC_ROUNDS rounds, an
 * asynchronous one until BUDGET_SECONDS of simulated time.
 */
public final class AsyncCurves {

    private AsyncCurves() {
    }

    public static void main(String[] args) {
        Workload w = Workload.breastMnist(Path.of(args[0]));
        long seed = Long.parseLong(args[1]);
        int syncRounds = Integer.parseInt(args[2]);
        double budget = Double.parseDouble(args[3]);
        List<String> names = w.hospitals().apply(seed).stream().map(InProcessParticipant::name).toList();
        HospitalSpeeds speeds = HospitalSpeeds.oneSlow(names, SpeedProfile.DEFAULT);
        for (int i = 4; i < args.length; i++) {
            String[] parts = args[i].split(":");
            Map<String, Double> parameters = new TreeMap<>();
            if (parts.length > 1) {
                for (String kv : parts[1].split(";")) {
                    String[] x = kv.split("=");
                    parameters.put(x[0], Double.parseDouble(x[1]));
                }
            }
            var strategy = StrategyCatalog.create(parts[0], parameters);
            boolean sync = !strategy.schedule().asynchronous();
            RunHistory h = w.run(strategy, seed, speeds, sync ? syncRounds : 10_000,
                    sync ? Double.POSITIVE_INFINITY : budget);
            List<RoundRecord> rs = h.rounds();
            StringBuilder curve = new StringBuilder();
            int step = Math.max(1, rs.size() / 20);
            for (int j = 0; j < rs.size(); j++) {
                if ((j + 1) % step == 0 || j == rs.size() - 1) {
                    curve.append(String.format(Locale.ROOT, " %.1fs:%.3f", rs.get(j).progress().clockSeconds(),
                            Workload.accuracy(rs.get(j))));
                }
            }
            RoundRecord last = rs.get(rs.size() - 1);
            double lastQuarter = rs.stream().filter(r -> r.progress().clockSeconds() >= AsyncBenchmark.LATE * budget)
                    .mapToDouble(Workload::accuracy).average().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "seed %d %s: final %.3f, mean over the last quarter of %.1f s %.3f, max %.3f, "
                            + "%d records, %d updates, %.1f s simulated%n  %s%n", seed, args[i], Workload.accuracy(last),
                    budget, lastQuarter, rs.stream().mapToDouble(Workload::accuracy).max().orElse(Double.NaN), rs.size(),
                    last.progress().updatesApplied(), last.progress().clockSeconds(), curve);
        }
    }
}
