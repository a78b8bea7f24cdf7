package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A hospital in a study: its name, its data files (relative to the study file), its weight for
 * custom-weighted averaging, whether it takes part, and an optional simulated attack (teaching only).
 *
 * <p>A hospital that keeps its data behind its own node names the node and the dataset id the node registered,
 * instead of files: {@code {"name": "hospital-a", "node": "hospital-a", "dataset": "heart"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipantEntry(String name, List<String> data, Double weight, Boolean enabled, String attack,
                               String node, String dataset) {

    public ParticipantEntry {
        data = data == null ? List.of() : List.copyOf(data);
        weight = weight == null ? 1.0 : weight;
        enabled = enabled == null ? Boolean.TRUE : enabled;
    }

    public ParticipantEntry(String name, List<String> data, Double weight, Boolean enabled, String attack) {
        this(name, data, weight, enabled, attack, null, null);
    }

    /** A hospital reached through its node. */
    public static ParticipantEntry remote(String name, String node, String dataset) {
        return new ParticipantEntry(name, List.of(), 1.0, true, null, node, dataset);
    }

    /** Whether the hospital's data stays behind its own node (a multi-site study). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isRemote() {
        return node != null;
    }

    public ParticipantEntry(String name, String file) {
        this(name, List.of(file), 1.0, true, null);
    }

    public ParticipantEntry withData(List<String> files) {
        return new ParticipantEntry(name, files, weight, enabled, attack, node, dataset);
    }

    public ParticipantEntry withName(String newName) {
        return new ParticipantEntry(newName, data, weight, enabled, attack, node, dataset);
    }

    public ParticipantEntry withWeight(double newWeight) {
        return new ParticipantEntry(name, data, newWeight, enabled, attack, node, dataset);
    }

    public ParticipantEntry withEnabled(boolean on) {
        return new ParticipantEntry(name, data, weight, on, attack, node, dataset);
    }
}
