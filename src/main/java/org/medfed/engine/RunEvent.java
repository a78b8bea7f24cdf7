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
