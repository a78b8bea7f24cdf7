package org.medfed.benchmark;

import java.nio.file.Path;
import java.util.List;

/** Scratch runner (not a test): java ... HeartExperiment [methods...] */
public final class HeartExperiment {
    public static void main(String[] args) {
        List<Long> seeds = List.of(42L, 43L, 44L, 45L, 46L);
        var methods = FedHeartDiseaseBenchmark.flambyMethods();
        FedHeartDiseaseBenchmark.run(Path.of("../shared/data/uci-heart-disease"), methods, seeds, System.out::println);
    }
}
