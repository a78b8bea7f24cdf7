package org.medfed.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.testsupport.SharedData;

/**
 * A one-seed version of the Fed-Heart-Disease benchmark against FLamby's published figures, on FLamby's own split
 * (row for row, {@code ScikitLearnSplitTest}). Model initialisation and batch order still differ from PyTorch's,
 * and one seed's figure moves by a standard deviation or two (FLamby's own sd over seeds is 0.025 for FedAvg), so
 * the tolerance is 0.06.
 */
class FedHeartDiseaseBenchmarkTest {

    @Test
    void fedAvgAndPooledStandBesideFlambysFigures() {
        Path data = SharedData.data("uci-heart-disease");
        List<FedHeartDiseaseBenchmark.Method> methods = FedHeartDiseaseBenchmark.flambyMethods().stream()
                .filter(m -> m.name().equals("FedAvg") || m.name().equals("Pooled")).toList();
        List<BenchmarkRow> rows = FedHeartDiseaseBenchmark.run(data, methods, List.of(42L), 0, line -> { });

        BenchmarkRow pooled = rows.get(0);
        BenchmarkRow fedAvg = rows.get(1);
        assertThat(pooled.method()).isEqualTo("Pooled");
        assertThat(pooled.mean()).isCloseTo(0.735, within(0.06));
        assertThat(fedAvg.method()).isEqualTo("FedAvg");
        assertThat(fedAvg.mean()).isCloseTo(0.685, within(0.06));
        // and bit for bit what this build computed when the table in docs/benchmarks.md was written
        assertThat(pooled.mean()).isCloseTo(PINNED_POOLED, within(1e-9));
        assertThat(fedAvg.mean()).isCloseTo(PINNED_FEDAVG, within(1e-9));
    }

    static final double PINNED_POOLED = 0.7343338855277057;
    static final double PINNED_FEDAVG = 0.6957388000576203;
}
