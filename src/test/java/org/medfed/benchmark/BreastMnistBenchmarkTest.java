package org.medfed.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.data.split.HospitalSplitter;
import org.medfed.data.split.SplitRule;
import org.medfed.testsupport.SharedData;

/** A one-seed, tiny BreastMNIST run: sane figures, and a pinned one for determinism. */
class BreastMnistBenchmarkTest {

    @Test
    void tinyRunGivesSaneFederatedAndPooledFiguresAndPinnedPooledAuc() {
        BreastMnistBenchmark.Data full = BreastMnistBenchmark.Data.load(SharedData.data("medmnist-breastmnist"));
        assertThat(full.train().size()).isEqualTo(546);
        assertThat(full.test().classCounts()).containsExactly(42, 114);
        int[] first240 = new int[240];
        for (int i = 0; i < first240.length; i++) {
            first240[i] = i;
        }
        BreastMnistBenchmark.Data data = new BreastMnistBenchmark.Data(full.train().subset(first240), full.val(), full.test());
        BreastMnistBenchmark.Settings tiny = new BreastMnistBenchmark.Settings(new int[] {4}, new int[0], 3, 3, 3, 1, 32,
                0.003, 0, 0.5);

        List<BreastMnistBenchmark.Row> rows = BreastMnistBenchmark.run(data, tiny, List.of(42L), line -> { });

        assertThat(rows).extracting(BreastMnistBenchmark.Row::method).containsExactly("Pooled", "FedAvg (weighted)",
                "Each hospital alone (mean of 3)", "FedAvg (weighted)", "Each hospital alone (mean of 3)");
        for (BreastMnistBenchmark.Row r : rows) {
            String what = r.method() + " " + r.split();
            if (r.method().startsWith("Each hospital alone")) {
                // 80 images, some hospitals with few of one class, 3 epochs: anything from chance upwards is honest
                assertThat(r.meanAccuracy()).as(what).isBetween(0.0, 1.0);
                assertThat(r.meanAuc()).as(what).isBetween(0.3, 1.0);
            } else {
                // pooled and federated must rank better than chance and stay near or above the base rate
                // (114 of 156 test images are normal or benign)
                assertThat(r.meanAccuracy()).as(what).isBetween(0.6, 1.0);
                assertThat(r.meanAuc()).as(what).isBetween(0.55, 1.0);
            }
        }
        assertThat(rows.get(0).meanAuc()).as("pooled training on all 240 images").isGreaterThan(0.6);
        BreastMnistBenchmark.Figures again = BreastMnistBenchmark.pooled(data, tiny, 42);
        assertThat(again.auc()).as("bit-identical rerun").isEqualTo(rows.get(0).meanAuc());
        assertThat(rows.get(0).meanAuc()).as("pinned pooled AUC").isCloseTo(PINNED_POOLED_AUC, within(1e-12));
    }

    /** Measured on the development machine (x86_64, OpenBLAS through nd4j-native 1.0.0-M2.1). */
    static final double PINNED_POOLED_AUC = 0.62531328320802;

    @Test
    void theLabelSkewedSplitIsSkewedAndCoversEveryImageOnce() {
        int[] labels = new int[300];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 80 ? 0 : 1;
        }
        Map<String, int[]> split = HospitalSplitter.splitByLabels(labels, 3, SplitRule.parse("dirichlet:0.5"), 7);
        boolean[] seen = new boolean[300];
        double minShare = 1;
        double maxShare = 0;
        for (int[] rows : split.values()) {
            int malignant = 0;
            for (int r : rows) {
                assertThat(seen[r]).isFalse();
                seen[r] = true;
                malignant += labels[r] == 0 ? 1 : 0;
            }
            double share = (double) malignant / rows.length;
            minShare = Math.min(minShare, share);
            maxShare = Math.max(maxShare, share);
        }
        for (boolean s : seen) {
            assertThat(s).isTrue();
        }
        assertThat(maxShare - minShare).as("class shares differ between hospitals").isGreaterThan(0.1);
        assertThat(HospitalSplitter.splitByLabels(labels, 3, SplitRule.parse("dirichlet:0.5"), 7))
                .as("seeded").usingRecursiveComparison().isEqualTo(split);
    }
}
