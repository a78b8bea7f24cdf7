package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A hospital in a study: its name, its data files (relative to the study file), its weight for
 * custom-weighted averaging, whether it takes part, and an optional simulated attack (teaching only).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipantEntry(String name, List<String> data, Double weight, Boolean enabled, String attack) {

    public ParticipantEntry {
        data = data == null ? List.of() : List.copyOf(data);
        weight = weight == null ? 1.0 : weight;
        enabled = enabled == null ? Boolean.TRUE : enabled;
    }

    public ParticipantEntry(String name, String file) {
        this(name, List.of(file), 1.0, true, null);
    }

    public ParticipantEntry withData(List<String> files) {
        return new ParticipantEntry(name, files, weight, enabled, attack);
    }

    public ParticipantEntry withName(String newName) {
        return new ParticipantEntry(newName, data, weight, enabled, attack);
    }

    public ParticipantEntry withWeight(double newWeight) {
        return new ParticipantEntry(name, data, newWeight, enabled, attack);
    }

    public ParticipantEntry withEnabled(boolean on) {
        return new ParticipantEntry(name, data, weight, on, attack);
    }
}
