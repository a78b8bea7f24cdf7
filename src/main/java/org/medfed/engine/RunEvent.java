package org.medfed.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the engine publishes while a run goes on. Immutable records, published from the engine's threads; a
 * listener must not block (the workbench queues them for the FX thread).
 */
public sealed interface RunEvent {

    record RunStarted(String strategyId, int rounds, List<String> participants) implements RunEvent {
        public RunStarted {
            participants = List.copyOf(participants);
        }
    }

    record RoundStarted(int round, int rounds, List<String> selected) implements RunEvent {
        public RoundStarted {
            selected = List.copyOf(selected);
        }
    }

    /** A participant was sent work: its local training or the evaluation of the new global model. */
    record ParticipantStarted(int round, String participant, ParticipantFailure.Phase phase) implements RunEvent {
    }

    record ParticipantFinished(int round, String participant, ParticipantFailure.Phase phase, Duration took,
                               Map<String, Double> metrics) implements RunEvent {
        public ParticipantFinished {
            metrics = Map.copyOf(metrics);
        }
    }

    record ParticipantFailed(ParticipantFailure failure, Duration took) implements RunEvent {
    }

    record RoundAggregated(RoundRecord record) implements RunEvent {
    }

    /**
     * What the aggregation of a round cost, published just before its {@link RoundAggregated}: wall time and
     * upload size of the strategy as configured (with any privacy or robustness wrappers), next to a plain
     * unweighted mean of the same updates measured on the same machine, and the bytes plain float32 updates
     * would take. Measurements, not results: kept out of the run history so that reruns stay bit-identical.
     *
     * @param updates    updates that reached the strategy
     * @param parameters numbers in one update
     * @param aggregation time spent in the strategy's aggregate call
     * @param plainMean  time of a plain mean of the same update vectors, for comparison
     */
    record AggregationMeasured(int round, int updates, int parameters, Duration aggregation, Duration plainMean)
            implements RunEvent {

        /** Bytes the updates take as plain float32 vectors: what an unprotected upload costs. */
        public long plainBytes() {
            return 4L * parameters * updates;
        }
    }

    /** Emitted when the loop holds because the user paused or stepped. */
    record RunPaused(int nextRound) implements RunEvent {
    }

    record RunFinished(RunHistory history) implements RunEvent {
    }

    record RunCancelled(RunHistory history) implements RunEvent {
    }

    record RunFailed(RunHistory history, String message) implements RunEvent {
    }
}
