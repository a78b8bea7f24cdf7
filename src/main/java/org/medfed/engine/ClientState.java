package org.medfed.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What a participant keeps between rounds for its strategy (SCAFFOLD's own control variate). */
public final class ClientState {

    private final Map<String, ModelVector> vectors = new HashMap<>();

    public synchronized Optional<ModelVector> get(String key) {
        return Optional.ofNullable(vectors.get(key));
    }

    public synchronized void put(String key, ModelVector value) {
        vectors.put(key, value);
    }

    public synchronized void clear() {
        vectors.clear();
    }
}
