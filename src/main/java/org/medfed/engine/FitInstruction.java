package org.medfed.engine;

import java.util.Map;

/**
 * What the aggregator sends a participant for one round: the global model, how to train, the client half of
 * the strategy, and any server state the strategy shares (SCAFFOLD's control variate).
 */
public record FitInstruction(int round, ModelVector global, LocalTraining training, ClientProcedure procedure,
                             Map<String, ModelVector> serverState) {

    public FitInstruction {
        serverState = Map.copyOf(serverState);
    }

    public ModelVector serverVector(String key) {
        ModelVector v = serverState.get(key);
        if (v == null) {
            throw new IllegalStateException("the aggregator sent no '" + key + "'");
        }
        return v;
    }
}
