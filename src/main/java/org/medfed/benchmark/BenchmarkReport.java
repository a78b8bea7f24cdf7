package org.medfed.benchmark;

import java.util.List;
import java.util.Locale;

/** Writes benchmark rows as a Markdown table and as CSV. */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static String markdown(String title, String command, List<BenchmarkRow> rows, List<Long> seeds, int splits,
                                  String machine) {
        StringBuilder sb = new StringBuilder();
        sb.append("### ").append(title).append("\n\n");
        sb.append("Command: `").append(command).append("`  \n");
        sb.append("Seeds ").append(seeds).append(" (model initialisation and batch order); ").append(machine).append(".\n\n");
        boolean withSplits = rows.stream().anyMatch(r -> !r.perSplit().isEmpty());
        sb.append("| method | ours, FLamby's split (mean +- sd over seeds) |");
        if (withSplits) {
            sb.append(" ours, mean over ").append(splits).append(" other splits (+- sd over splits) |");
        }
        sb.append(" FLamby | wall time (s) | share in local training | settings |\n");
        sb.append("|---|---|").append(withSplits ? "---|" : "").append("---|---|---|---|\n");
        for (BenchmarkRow r : rows) {
            sb.append("| ").append(r.method()).append(" | ").append(f(r.mean())).append(" +- ").append(f(r.sd())).append(" |");
            if (withSplits) {
                sb.append(' ').append(r.perSplit().isEmpty() ? "-" : f(r.splitMean()) + " +- " + f(r.splitSd())).append(" |");
            }
            sb.append(' ').append(r.reference() == null ? "-" : f(r.reference()) + " +- " + f(r.referenceSd())).append(" |");
            sb.append(String.format(Locale.ROOT, " %.2f | %.0f %% | ", r.wallSeconds(), 100 * r.trainingShare()));
            sb.append(r.settings()).append(" |\n");
        }
        return sb.toString();
    }

    public static String csv(List<BenchmarkRow> rows) {
        StringBuilder sb = new StringBuilder("method,mean,sd,split_mean,split_sd,reference,reference_sd,wall_seconds,"
                + "training_share,per_seed\n");
        for (BenchmarkRow r : rows) {
            sb.append('"').append(r.method()).append("\",").append(f6(r.mean())).append(',').append(f6(r.sd())).append(',')
                    .append(r.perSplit().isEmpty() ? "" : f6(r.splitMean())).append(',')
                    .append(r.perSplit().isEmpty() ? "" : f6(r.splitSd())).append(',')
                    .append(r.reference() == null ? "" : r.reference()).append(',')
                    .append(r.referenceSd() == null ? "" : r.referenceSd()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f,%.4f,", r.wallSeconds(), r.trainingShare()))
                    .append('"').append(r.perSeed().stream().map(BenchmarkReport::f6).reduce((a, b) -> a + " " + b).orElse(""))
                    .append("\"\n");
        }
        return sb.toString();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String f6(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
