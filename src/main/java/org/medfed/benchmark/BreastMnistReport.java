package org.medfed.benchmark;

import java.util.List;
import java.util.Locale;

/** The BreastMNIST benchmark as Markdown and CSV. */
public final class BreastMnistReport {

    private BreastMnistReport() {
    }

    public static String markdown(String command, BreastMnistBenchmark.Settings settings, List<Long> seeds,
                                  List<BreastMnistBenchmark.Row> rows, ImagingThroughput speed, String machine,
                                  double wallSeconds) {
        StringBuilder sb = new StringBuilder();
        sb.append("### BreastMNIST: federated CNN vs each hospital alone vs pooled\n\n");
        sb.append("Command: `").append(command).append("`  \n");
        sb.append("Seeds ").append(seeds).append(" (hospital split, model initialisation, batch order); ")
                .append(settings.hospitals()).append(" simulated hospitals from the 546 official training images; ")
                .append("figures on the 156 official test images, mean +- sd over seeds (population sd); ")
                .append(settings.describe()).append("; ").append(machine)
                .append(String.format(Locale.ROOT, "; whole run %.0f s.%n%n", wallSeconds));
        sb.append("| method | hospitals' data | accuracy | AUC | training time (s, all seeds) |\n");
        sb.append("|---|---|---|---|---|\n");
        for (BreastMnistBenchmark.Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.3f +- %.3f | %.3f +- %.3f | %.1f |%n", r.method(),
                    r.split(), r.meanAccuracy(), r.sdAccuracy(), r.meanAuc(), r.sdAuc(), r.trainingSeconds()));
        }
        sb.append(String.format(Locale.ROOT, "| MedMNIST v2 ResNet-18 (28), published | pooled, 100 epochs, model "
                + "selected on val | %.3f | %.3f | - |%n%n", BreastMnistBenchmark.RESNET18_28_ACC,
                BreastMnistBenchmark.RESNET18_28_AUC));
        if (speed != null) {
            sb.append("Speed on this machine (best of 3 repetitions):\n\n");
            sb.append("| what | figure |\n|---|---|\n");
            sb.append(String.format(Locale.ROOT, "| DICOM files read and decoded (%d phantom MR files, 32-48 px, explicit VR LE) "
                    + "| %.0f images/s |%n", speed.dicomFiles(), speed.dicomFilesPerSecond()));
            sb.append(String.format(Locale.ROOT, "| the same through the study loader (decode, window, resize to 48x48) "
                    + "| %.0f images/s |%n", speed.dicomPreparedPerSecond()));
            sb.append(String.format(Locale.ROOT, "| BreastMNIST .npz read and scaled (780 images) | %.0f images/s |%n",
                    speed.npzImagesPerSecond()));
            sb.append(String.format(Locale.ROOT, "| CNN training (forward, backward, Adam), batch 32 | %.0f images/s "
                    + "(%.1f ms per step) |%n", speed.trainImagesPerSecond(), speed.msPerStepBatch32()));
            sb.append(String.format(Locale.ROOT, "| CNN training, batch 1 (the fixed cost of one DL4J step) | %.1f ms per step |%n",
                    speed.msPerStepBatch1()));
            sb.append(String.format(Locale.ROOT, "%nDecoding is %.0f times faster than training, so it is not the "
                    + "bottleneck.%n", speed.dicomPreparedPerSecond() / speed.trainImagesPerSecond()));
        }
        return sb.toString();
    }

    public static String csv(List<BreastMnistBenchmark.Row> rows) {
        StringBuilder sb = new StringBuilder("method,split,accuracy_mean,accuracy_sd,auc_mean,auc_sd,training_seconds,"
                + "accuracy_per_seed,auc_per_seed\n");
        for (BreastMnistBenchmark.Row r : rows) {
            sb.append(String.format(Locale.ROOT, "\"%s\",\"%s\",%.6f,%.6f,%.6f,%.6f,%.3f,\"%s\",\"%s\"%n", r.method(),
                    r.split(), r.meanAccuracy(), r.sdAccuracy(), r.meanAuc(), r.sdAuc(), r.trainingSeconds(),
                    join(r.perSeed().stream().map(BreastMnistBenchmark.Figures::accuracy).toList()),
                    join(r.perSeed().stream().map(BreastMnistBenchmark.Figures::auc).toList())));
        }
        return sb.toString();
    }

    private static String join(List<Double> values) {
        return String.join(" ", values.stream().map(v -> String.format(Locale.ROOT, "%.6f", v)).toList());
    }
}
