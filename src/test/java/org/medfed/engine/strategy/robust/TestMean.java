package org.medfed.engine.strategy.robust;

import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.VectorMath;

/**
 * A stand-in for FedAvg until the lead's strategies land: the example-weighted mean of the models it receives.
 * It remembers what it was given, so tests can see what a robust rule handed on.
 */
public final class TestMean implements Strategy {

    public final List<List<ClientUpdate>> received = new ArrayList<>();

    @Override
    public String id() {
        return "test-mean";
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        received.add(List.copyOf(updates));
        double[] w = updates.stream().mapToDouble(ClientUpdate::examples).toArray();
        return VectorMath.weightedMean(updates.stream().map(ClientUpdate::update).toList(), w);
    }

    @Override
    public void reset() {
        received.clear();
    }
}
