package org.medfed.engine.strategy.robust;

import java.util.List;
import java.util.Optional;

/**
 * What one defence layer did in one round: a verdict per update, in participant order.
 *
 * @param round    1-based round number
 * @param rule     the rule's id, such as {@code "krum"}
 * @param verdicts one verdict per update the layer received, sorted by participant
 */
public record RobustReport(int round, String rule, List<UpdateVerdict> verdicts) {

    public RobustReport {
        verdicts = List.copyOf(verdicts);
    }

    public Optional<UpdateVerdict> verdict(String participant) {
        return verdicts.stream().filter(v -> v.participant().equals(participant)).findFirst();
    }

    /** Participants whose update was left out entirely. */
    public List<String> rejected() {
        return withDecision(UpdateVerdict.Decision.REJECTED);
    }

    /** Participants whose update was scaled down. */
    public List<String> clipped() {
        return withDecision(UpdateVerdict.Decision.CLIPPED);
    }

    private List<String> withDecision(UpdateVerdict.Decision decision) {
        return verdicts.stream().filter(v -> v.decision() == decision).map(UpdateVerdict::participant).toList();
    }
}
