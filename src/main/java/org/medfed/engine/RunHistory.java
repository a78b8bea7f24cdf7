package org.medfed.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The record of a whole run: every round, the final model, and how it ended.
 *
 * @param message why the run failed or was stopped, in plain words; empty when it finished
 */
public record RunHistory(String strategyId, List<String> participants, List<RoundRecord> rounds, ModelVector model,
                         RunStatus status, String message, Duration duration) {

    public RunHistory {
        participants = List.copyOf(participants);
        rounds = List.copyOf(rounds);
    }

    public Optional<RoundRecord> lastRound() {
        return rounds.isEmpty() ? Optional.empty() : Optional.of(rounds.get(rounds.size() - 1));
    }

    /** Total time participants spent in local training, summed over rounds and participants. */
    public long trainingNanos() {
        return rounds.stream().mapToLong(RoundRecord::trainingNanos).sum();
    }
}
