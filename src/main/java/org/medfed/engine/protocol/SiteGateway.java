package org.medfed.engine.protocol;

import java.util.Map;

/**
 * How a strategy asks participants something besides the round's training (the key exchange of secure
 * aggregation): through the run's one transport, concurrently, each call under the run's time limit.
 */
public interface SiteGateway {

    /** A gateway that reaches nobody, for strategies used outside a run. */
    SiteGateway NONE = requests -> {
        throw new IllegalStateException("this strategy needs to reach participants, but runs outside a federation");
    };

    /**
     * Sends each named participant its request; answers in the order of {@code requests}' keys. A participant
     * that fails or runs out of time is absent from the answers (its error is in {@link Answers#failures()}).
     */
    Answers ask(Map<String, SiteRequest> requests);

    /** The replies that came, and why the others did not. */
    record Answers(Map<String, Params> replies, Map<String, String> failures) {
        public Answers {
            replies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(replies));
            failures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failures));
        }
    }
}
