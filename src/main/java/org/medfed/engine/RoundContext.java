package org.medfed.engine;

import java.util.List;
import org.medfed.engine.protocol.SiteGateway;

/**
 * What a strategy knows when it aggregates a round.
 *
 * @param round             1-based round number
 * @param global            the global model the round started from
 * @param participantCount  how many participants the study has in all (SCAFFOLD scales by the sampled share)
 * @param failures          participants that did not answer this round
 * @param gateway           how to ask participants something after training (secure aggregation's unmasking)
 */
public record RoundContext(int round, ModelVector global, int participantCount, List<ParticipantFailure> failures,
                           SiteGateway gateway) {

    public RoundContext {
        failures = List.copyOf(failures);
        gateway = gateway == null ? SiteGateway.NONE : gateway;
    }

    public RoundContext(int round, ModelVector global, int participantCount, List<ParticipantFailure> failures) {
        this(round, global, participantCount, failures, SiteGateway.NONE);
    }
}
