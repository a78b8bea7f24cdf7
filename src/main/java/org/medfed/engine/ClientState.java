package org.medfed.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a hospital keeps between requests of a study: vectors of its strategy (SCAFFOLD's own control variate),
 * which a checkpoint saves, and working objects of a protocol (this round's secure-aggregation keys), which it
 * does not.
 */
public final class ClientState {

    private final String participant;
    private final Map<String, ModelVector> vectors = new HashMap<>();
    private final Map<String, Object> working = new HashMap<>();

    public ClientState(String participant) {
        this.participant = participant;
    }

    /** The hospital's name in the study. */
    public String participant() {
        return participant;
    }

    public synchronized Optional<ModelVector> get(String key) {
        return Optional.ofNullable(vectors.get(key));
    }

    public synchronized void put(String key, ModelVector value) {
        vectors.put(key, value);
    }

    /** Every saved vector, by key (for checkpoints). */
    public synchronized Map<String, ModelVector> vectors() {
        return Map.copyOf(vectors);
    }

    public synchronized void putWorking(String key, Object value) {
        working.put(key, value);
    }

    public synchronized <T> Optional<T> findWorking(String key, Class<T> type) {
        Object o = working.get(key);
        return type.isInstance(o) ? Optional.of(type.cast(o)) : Optional.empty();
    }

    public synchronized void clear() {
        vectors.clear();
        working.clear();
    }
}
