package org.medfed.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunStatus;

class AsyncBenchmarkTest {

    private static RoundRecord merge(int round, double clock, double accuracy, int staleness) {
        return new RoundRecord(round, List.of("a"), Map.of(), Map.of(), Map.of("accuracy", accuracy), List.of(),
                Duration.ZERO, 0, Map.of(), new RoundRecord.Progress(clock, round, Map.of("a", staleness), Map.of(),
                Map.of(), Map.of()));
    }

    @Test
    void outcomeFindsTheFirstTimesWithinOnePointAndAtTheTargetAndAveragesTheLastQuarter() {
        List<RoundRecord> records = new ArrayList<>();
        records.add(merge(1, 1.0, 0.70, 0));
        records.add(merge(2, 2.0, 0.80, 1));
        records.add(merge(3, 3.0, 0.855, 2));
        records.add(merge(4, 3.5, 0.87, 0));
        records.add(merge(5, 4.0, 0.83, 1));
        RunHistory h = new RunHistory("fedbuff", List.of("a"), records, ModelVector.wrap(new float[1]),
                RunStatus.FINISHED, "", Duration.ZERO);
        Workload w = new Workload("test", "", seed -> List.of(), null, null, 1, List.of());
        AsyncBenchmark.Outcome o = AsyncBenchmark.outcome(w, AsyncBenchmark.cnnMethods().get(2), 7, h, 4.0, 0.86);
        // within 1 point of 0.86 is >= 0.85: first at 3.0 s (0.855); 0.86 itself first at 3.5 s (0.87)
        assertThat(o.secondsToWithinOnePoint()).isEqualTo(3.0);
        assertThat(o.secondsToTarget()).isEqualTo(3.5);
        assertThat(o.finalAccuracy()).isEqualTo(0.83);
        // the last quarter of 4 s starts at 3 s: (0.855 + 0.87 + 0.83) / 3
        assertThat(o.lateAccuracy()).isCloseTo(2.555 / 3, within(1e-12));
        assertThat(o.meanStaleness()).isCloseTo(4 / 5.0, within(1e-12));
        assertThat(o.updatesApplied()).isEqualTo(5);
    }

    @Test
    void theCnnKeepsTheHeartMethodsButHalvesTheirStepPerMerge() {
        assertThat(AsyncBenchmark.heartMethods()).extracting(AsyncBenchmark.Method::parameters).containsExactly(
                Map.of(), Map.of("alpha", 0.6, "a", 0.5), Map.of("bufferSize", 2.0, "serverLearningRate", 1.0));
        assertThat(AsyncBenchmark.cnnMethods()).extracting(AsyncBenchmark.Method::parameters).containsExactly(
                Map.of(), Map.of("alpha", 0.3, "a", 0.5), Map.of("bufferSize", 2.0, "serverLearningRate", 0.5));
        assertThat(AsyncBenchmark.cnnMethods().get(2).label()).isEqualTo("FedBuff, K = 2, server lr 0.5");
    }
}
