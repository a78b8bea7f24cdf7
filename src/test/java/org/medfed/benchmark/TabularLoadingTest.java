package org.medfed.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.concurrency.Workers;

/** The tabular-loading benchmark on a tiny table: files written once and reused, both phases measured and paired. */
class TabularLoadingTest {

    @TempDir
    Path dir;

    @Test
    void writesTheHospitalsOnceAndMeasuresBothPhasesInEachRepetition() throws Exception {
        List<String> progress = new ArrayList<>();
        TabularLoading t;
        try (Workers workers = new Workers(2)) {
            t = TabularLoading.measure(workers, dir, 402, 4, 2, progress::add);
        }

        List<Path> files;
        try (var listing = Files.list(dir)) {
            files = listing.sorted().toList();
        }
        assertThat(files).hasSize(4);
        // 101 + 101 + 100 + 100 rows under a header of 20 columns; every value but the ~1 % "NA" is counted
        assertThat(Files.readAllLines(files.get(0))).hasSize(102).first().asString().startsWith("x1,x2,")
                .endsWith(",sex,smoker,label");
        assertThat(Files.readAllLines(files.get(3))).hasSize(101);
        assertThat(TabularLoading.plainParse(files)).isBetween(402L * 20 - 402 * 17 / 20, 402L * 20 + 20 * 4);
        assertThat(List.of(t.plainSeconds(), t.prepareSeconds(), t.plainPeakMb(), t.preparePeakMb()))
                .allSatisfy(m -> assertThat(m).hasSize(2).allSatisfy(v -> assertThat(v).isPositive()));
        assertThat(progress.stream().filter(p -> p.startsWith("writing"))).hasSize(4);
        assertThat(progress.stream().filter(p -> p.startsWith("repetition"))).hasSize(4);
        assertThat(t.markdown()).contains("402 rows x 20 columns over 4 hospitals", "| plain commons-csv parse |",
                "| data preparation", "paired wall-time ratios", "in CPU seconds of the process", "uses 2 cores");

        try (Workers workers = new Workers(2)) {
            TabularLoading.measure(workers, dir, 402, 4, 1, progress::add);
        }
        assertThat(progress.stream().filter(p -> p.startsWith("writing"))).as("files reused").hasSize(4);
    }
}
