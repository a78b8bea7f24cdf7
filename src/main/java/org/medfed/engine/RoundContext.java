package org.medfed.engine;

import java.util.List;
import java.util.Map;
import org.medfed.engine.protocol.SiteGateway;

/**
 * What a strategy knows when it aggregates a round (or, in an asynchronous run, a buffer of arrived updates).
 *
 * @param round             1-based round number; in an asynchronous run, the version of the global model being made
 * @param global            the global model the round started from (asynchronously: the current global model)
 * @param participantCount  how many participants the study has in all (SCAFFOLD scales by the sampled share)
 * @param failures          participants that did not answer this round
 * @param gateway           how to ask participants something after training (secure aggregation's unmasking)
 * @param starts            for each update that did not start from {@code global} (an asynchronous run's stale
 *                          ones), the model it was trained from and how many versions behind that model is
 */
public record RoundContext(int round, ModelVector global, int participantCount, List<ParticipantFailure> failures,
                           SiteGateway gateway, Map<String, Start> starts) {

    /** The global model an update was trained from, and how many versions of the global model it is behind. */
    public record Start(ModelVector model, int staleness) {
    }

    public RoundContext {
        failures = List.copyOf(failures);
        gateway = gateway == null ? SiteGateway.NONE : gateway;
        starts = Map.copyOf(starts);
    }

    public RoundContext(int round, ModelVector global, int participantCount, List<ParticipantFailure> failures,
                        SiteGateway gateway) {
        this(round, global, participantCount, failures, gateway, Map.of());
    }

    public RoundContext(int round, ModelVector global, int participantCount, List<ParticipantFailure> failures) {
        this(round, global, participantCount, failures, SiteGateway.NONE);
    }

    /** How many versions of the global model {@code participant}'s update is behind (0 in a synchronous round). */
    public int staleness(String participant) {
        Start s = starts.get(participant);
        return s == null ? 0 : s.staleness();
    }

    /** The global model {@code participant}'s update was trained from. */
    public ModelVector startedFrom(String participant) {
        Start s = starts.get(participant);
        return s == null ? global : s.model();
    }
}
