package org.medfed.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.medfed.engine.BadInputException;

/**
 * The entry of {@code medfed benchmark async} and {@code medfed benchmark compression}: the benchmark on
 * Fed-Heart-Disease and, when its folder is given, on BreastMNIST, as one markdown report; {@code codecs} selects
 * the compression benchmark's rows ({@link CompressionBenchmark#select}; empty for all).
 */
public final class TrainingTradeOffs {

    private TrainingTradeOffs() {
    }

    public static String markdown(String benchmark, Path heart, Path breastMnist, List<Long> seeds,
                                  List<String> codecs, Consumer<String> progress) {
        List<Workload> workloads = new ArrayList<>();
        workloads.add(Workload.heart(heart));
        if (breastMnist != null) {
            workloads.add(Workload.breastMnist(breastMnist));
        }
        StringBuilder sb = new StringBuilder();
        for (Workload w : workloads) {
            switch (benchmark) {
                case "async" -> {
                    var methods = w.asyncMethods();
                    sb.append(AsyncBenchmark.markdown(w, methods, AsyncBenchmark.run(w, methods, seeds, progress), seeds));
                }
                case "compression" -> {
                    var rows = CompressionBenchmark.select(CompressionBenchmark.codecs(), codecs);
                    sb.append(CompressionBenchmark.markdown(w, rows, CompressionBenchmark.run(w, rows, seeds,
                            progress), seeds, w.name().equals("BreastMNIST")));
                }
                default -> throw new BadInputException("benchmark '" + benchmark + "' is not a training trade-off");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
