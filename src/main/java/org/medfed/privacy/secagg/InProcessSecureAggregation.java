package org.medfed.privacy.secagg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.engine.Participant;
import org.medfed.engine.Strategy;
import org.medfed.privacy.random.RandomSource;

/**
 * Wiring for a simulated study with secure aggregation: gives every participant a {@link SecAggClient}, wraps it
 * in a {@link SecureAggregationParticipant}, and connects the clients to the strategy through an in-process
 * channel.
 *
 * <pre>{@code
 * InProcessSecureAggregation secagg = InProcessSecureAggregation.of(participants, SecAggParameters.of(0.5),
 *         RandomSource.secure());
 * new FederatedRun(config, secagg.wrap(new FedAvg()), secagg.participants(), transport, listener);
 * }</pre>
 */
public final class InProcessSecureAggregation {

    private final List<Participant> participants;
    private final InProcessSecAggChannel channel;
    private final SecAggParameters params;

    private InProcessSecureAggregation(List<Participant> participants, InProcessSecAggChannel channel,
                                       SecAggParameters params) {
        this.participants = participants;
        this.channel = channel;
        this.params = params;
    }

    public static InProcessSecureAggregation of(List<? extends Participant> participants, SecAggParameters params,
                                                RandomSource random) {
        return of(participants, params, random, false);
    }

    /**
     * @param sampleWeighted the wrapped strategy receives the mean weighted by training examples, formed from masked
     *                       sums (each hospital's example count stays hidden); otherwise the plain mean
     */
    public static InProcessSecureAggregation of(List<? extends Participant> participants, SecAggParameters params,
                                                RandomSource random, boolean sampleWeighted) {
        Map<String, SecAggClient> clients = new LinkedHashMap<>();
        List<Participant> wrapped = new ArrayList<>();
        double scale = sampleWeighted ? participants.stream().mapToInt(Participant::trainSize).max().orElse(1) : 0;
        for (Participant p : participants) {
            SecAggClient c = new SecAggClient(p.name(), params, random);
            clients.put(p.name(), c);
            wrapped.add(new SecureAggregationParticipant(p, c, params, scale));
        }
        return new InProcessSecureAggregation(List.copyOf(wrapped), new InProcessSecAggChannel(clients), params);
    }

    /** The participants to hand to the round loop. */
    public List<Participant> participants() {
        return participants;
    }

    /** {@code inner} behind secure aggregation. */
    public SecureAggregation wrap(Strategy inner) {
        return new SecureAggregation(inner, params, channel);
    }

    /** The simulated network, where dropouts can be scheduled. */
    public InProcessSecAggChannel channel() {
        return channel;
    }
}
