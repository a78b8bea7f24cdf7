package org.medfed.engine.strategy;

import java.util.List;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;

/**
 * Federated averaging (McMahan et al. 2017): participants train locally from the global model, and the next
 * global model is the average of theirs: plain, weighted by training examples, or by user-given weights.
 */
public final class FedAvg implements Strategy {

    private final Weighting weighting;

    public FedAvg(Weighting weighting) {
        this.weighting = weighting;
    }

    /** The plain mean of participant models. */
    public static FedAvg plain() {
        return new FedAvg(Weighting.EQUAL);
    }

    /** Weighted by training-sample count. */
    public static FedAvg bySamples() {
        return new FedAvg(Weighting.SAMPLES);
    }

    public Weighting weighting() {
        return weighting;
    }

    @Override
    public String id() {
        return switch (weighting) {
            case EQUAL -> StrategyIds.FEDAVG;
            case SAMPLES -> StrategyIds.WEIGHTED_FEDAVG;
            case CUSTOM -> StrategyIds.CUSTOM_WEIGHTED_FEDAVG;
        };
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        return Updates.averageModels(updates, weighting);
    }
}
