package org.medfed.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.model.ComputeThreads;
import org.medfed.testsupport.TestWorkers;

/**
 * The training-speed benchmarks run end to end on tiny inputs and report every setting; no timing is checked here
 * (figures come from {@code medfed benchmark engine-overhead} and {@code image-training} on the real sizes).
 */
class TrainingSpeedBenchmarksTest {

    @Test
    void engineOverheadTimesEveryVariantInEachRepetitionAndPairsThem() {
        List<String> progress = new ArrayList<>();
        EngineOverhead o = EngineOverhead.measure(TestWorkers.shared(), 300, 1, progress::add);
        assertThat(o.rows()).isEqualTo(300);
        assertThat(List.of(o.alone(), o.evaluated(), o.engine(), o.checkpointed(), o.aloneCpu(), o.engineCpu()))
                .allSatisfy(times -> assertThat(times).hasSize(1).allSatisfy(t -> assertThat(t).isPositive()));
        assertThat(o.overhead().median()).isPositive();
        assertThat(progress).hasSize(1);
        assertThat(o.markdown()).contains("20 epochs in one call", "20 rounds x 1 epoch, engine |",
                "engine + checkpoint each round", "test evaluation each, no engine", "The loop's own cost", "CPU seconds");
    }

    @Test
    void imageTrainingMeasuresEachHospitalCountWithOurThreadsAndNd4jsDefault() {
        int cores = TestWorkers.shared().cores();
        int before = ComputeThreads.shared();
        ImageTrainingSpeed s = ImageTrainingSpeed.measure(TestWorkers.shared(), "random", 
                ImageTrainingSpeed.randomImages(64, 1), List.of(1, 2), 2, 1, line -> { });
        assertThat(s.rows()).extracting(ImageTrainingSpeed.Row::label).containsExactly(
                "1 hospital, threads as the program sets them", "1 hospital, every core each (ND4J's default)",
                "2 hospitals, threads as the program sets them", "2 hospitals, every core each (ND4J's default)");
        // the BreastMNIST CNN is too small to gain from a second thread: ours is one, ND4J's default every core
        assertThat(s.rows()).extracting(ImageTrainingSpeed.Row::threadsEach).containsExactly(1, cores, 1, cores);
        assertThat(s.rows()).extracting(ImageTrainingSpeed.Row::atOnce).containsExactly(1, 1, Math.min(2, cores),
                Math.min(2, cores));
        assertThat(s.rows()).allSatisfy(r -> assertThat(r.imagesPerSecond()).hasSize(1).allSatisfy(v ->
                assertThat(v).isPositive()));
        assertThat(s.markdown()).contains("| 2 hospitals, threads as the program sets them | ");
        assertThat(ComputeThreads.shared()).isEqualTo(before); // the benchmark leaves the share as it found it
    }
}
