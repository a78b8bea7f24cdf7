package org.medfed.engine;

import java.util.List;

/**
 * What a strategy knows when it aggregates a round.
 *
 * @param round             1-based round number
 * @param global            the global model the round started from
 * @param participantCount  how many participants the study has in all (SCAFFOLD scales by the sampled share)
 * @param failures          participants that did not answer this round
 */
public record RoundContext(int round, ModelVector global, int participantCount, List<ParticipantFailure> failures) {

    public RoundContext {
        failures = List.copyOf(failures);
    }
}
