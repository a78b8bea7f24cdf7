package org.medfed.engine;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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

    /**
     * The participants none of whose updates reached the model, each with why: the reason its first training request
     * failed (a policy's refusal, a lost node), or that it was never selected. Empty when every participant's data
     * trained the model, or no round was recorded.
     */
    public Map<String, String> neverMerged() {
        Map<String, String> absent = new TreeMap<>();
        if (rounds.isEmpty()) {
            return absent;
        }
        Set<String> merged = new HashSet<>();
        rounds.forEach(r -> merged.addAll(r.progress().staleness().keySet()));
        for (String p : participants) {
            if (merged.contains(p)) {
                continue;
            }
            String why = rounds.stream().flatMap(r -> r.failures().stream())
                    .filter(f -> f.participant().equals(p) && f.phase() == ParticipantFailure.Phase.FIT).findFirst()
                    .map(f -> "round " + f.round() + ": " + f.reason())
                    .orElse("it was never selected to train");
            absent.put(p, why);
        }
        return absent;
    }

    /** Total time participants spent in local training, summed over rounds and participants. */
    public long trainingNanos() {
        return rounds.stream().mapToLong(RoundRecord::trainingNanos).sum();
    }
}
