package org.medfed.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.RunStatus;
import org.medfed.project.PrivacySection;
import org.medfed.project.Study;

/**
 * Accuracy against epsilon on Fed-Heart-Disease, beside FLamby's DP table (FedAvg with DP-SGD in each client,
 * clip 1.1): example-level DP-SGD in each hospital, and client-level DP-FedAvg for contrast. Privacy noise is
 * drawn from seeded streams so that the table can be reproduced; real studies use the secure source.
 */
public final class PrivacyBenchmark {

    /** A row of the table: its privacy settings and FLamby's figure where there is one. */
    public record Method(String name, Double reference, UnaryOperator<Study> privacy) {
    }

    public record Row(String name, double mean, double sd, Double reference, double epsilonSpent, double seconds) {
    }

    private PrivacyBenchmark() {
    }

    public static List<Method> methods() {
        List<Method> m = new ArrayList<>();
        m.add(new Method("no privacy", 0.713, s -> s));
        m.add(dpSgd("DP-SGD, epsilon 10, delta 1e-3", 10, 1e-3, 0.698));
        m.add(dpSgd("DP-SGD, epsilon 1, delta 1e-3", 1, 1e-3, 0.702));
        m.add(dpSgd("DP-SGD, epsilon 0.1, delta 1e-4", 0.1, 1e-4, 0.606));
        m.add(dpFedAvg("DP-FedAvg (client level), epsilon 10, delta 1e-3", 10, 1e-3));
        m.add(dpFedAvg("DP-FedAvg (client level), epsilon 1, delta 1e-3", 1, 1e-3));
        return m;
    }

    static Method dpSgd(String name, double epsilon, double delta, Double reference) {
        return new Method(name, reference, s -> s.withPrivacy(new PrivacySection(null, null, null, "seeded")
                .withDpSgd(new PrivacySection.DpSgdSection(1.1, null, epsilon, delta))));
    }

    static Method dpFedAvg(String name, double epsilon, double delta) {
        return new Method(name, null, s -> s.withPrivacy(new PrivacySection(
                new PrivacySection.DpSection(1.1, null, delta, epsilon, null, null), null, null, "seeded")));
    }

    public static List<Row> run(FedHeartDiseaseBenchmark.Data data, List<Method> methods, List<Long> seeds,
                                Consumer<String> progress) {
        LocalTraining training = FedHeartDiseaseBenchmark.ourTraining();
        List<Row> rows = new ArrayList<>();
        for (Method m : methods) {
            List<Double> acc = new ArrayList<>();
            double eps = Double.NaN;
            long t0 = System.nanoTime();
            for (long seed : seeds) {
                ProtectedFederation.Result r = ProtectedFederation.run(FedHeartDiseaseBenchmark.sites(data.pooled()),
                        data.spec(), "weighted-fedavg", Map.of(), training, FedHeartDiseaseBenchmark.FLAMBY_ROUNDS, seed,
                        m.privacy());
                if (r.history().status() != RunStatus.FINISHED) {
                    throw new IllegalStateException(m.name() + ": " + r.history().message());
                }
                acc.add(r.mean());
                Double spent = r.history().lastRound().orElseThrow().diagnostics().get("dp.epsilon");
                if (spent != null) {
                    eps = spent;
                } else if (r.protections().get("dpSgd") instanceof Map<?, ?> dpSgd
                        && dpSgd.get("perHospital") instanceof Map<?, ?> perHospital) {
                    // example-level: every hospital has its own guarantee; report the largest
                    eps = perHospital.values().stream().mapToDouble(h -> ((Number) ((Map<?, ?>) h)
                            .get("epsilonAfterPlannedRounds")).doubleValue()).max().orElse(Double.NaN);
                }
            }
            double mean = BenchmarkRow.mean(acc);
            Row row = new Row(m.name(), mean, BenchmarkRow.sd(acc), m.reference(), eps, (System.nanoTime() - t0) / 1e9);
            progress.accept(String.format(Locale.ROOT, "%-48s %.3f +- %.3f", m.name(), mean, row.sd()));
            rows.add(row);
        }
        return rows;
    }

    public static String markdown(String command, List<Row> rows, List<Long> seeds) {
        StringBuilder sb = new StringBuilder("### Privacy on Fed-Heart-Disease\n\n");
        sb.append("Command: `").append(command).append("`  \n");
        sb.append("Our recommended FedAvg (pooled z-scores, SGD lr 0.01, batch 4, 100 steps x 15 rounds); seeds ")
                .append(seeds).append("; DP noise from seeded streams so that the table reproduces.\n\n");
        sb.append("| method | ours (mean +- sd over seeds) | FLamby | epsilon spent (DP-SGD: the largest of the hospitals') "
                + "| time (s) |\n");
        sb.append("|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %.3f +- %.3f | %s | %s | %.2f |%n", r.name(), r.mean(), r.sd(),
                    r.reference() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.reference()),
                    Double.isNaN(r.epsilonSpent()) ? "none (no privacy)" : String.format(Locale.ROOT,
                            "%.3f", r.epsilonSpent()), r.seconds()));
        }
        return sb.toString();
    }
}
