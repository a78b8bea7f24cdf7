package org.medfed.engine;

import java.util.List;
import java.util.Map;

/**
 * What the hospitals answered when asked to make their personal models after the rounds: each one's test metrics
 * of its own model (the models stay at the hospitals), and who could not.
 *
 * @param method the personalisation method, as the request named it (finetune, head, ditto)
 */
public record PersonalResults(String method, Map<String, Evaluation> test, List<ParticipantFailure> failures) {

    public static final PersonalResults NONE = new PersonalResults("", Map.of(), List.of());

    public PersonalResults {
        test = Map.copyOf(test);
        failures = List.copyOf(failures);
    }

    public boolean isEmpty() {
        return method.isEmpty();
    }
}
