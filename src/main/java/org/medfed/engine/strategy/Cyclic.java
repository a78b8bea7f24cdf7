package org.medfed.engine.strategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.SelectionContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.protocol.Params;

/**
 * Cyclic weight transfer (Chang et al. 2018): one hospital trains per round and hands its model to the next.
 * Each cycle visits every participant once, in a new seeded order unless the order is fixed.
 */
public final class Cyclic implements Strategy {

    private static final String REMAINING = "cyclic.remaining";

    private final boolean shuffleEachCycle;
    private final List<String> cycle = new ArrayList<>();

    public Cyclic(boolean shuffleEachCycle) {
        this.shuffleEachCycle = shuffleEachCycle;
    }

    @Override
    public String id() {
        return StrategyIds.CYCLIC;
    }

    @Override
    public List<String> select(SelectionContext context) {
        if (cycle.isEmpty()) {
            cycle.addAll(context.available());
            if (shuffleEachCycle) {
                Collections.shuffle(cycle, context.random());
            }
        }
        return List.of(cycle.remove(0));
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        if (updates.size() != 1) {
            throw new IllegalStateException("cyclic training expects one participant per round, got " + updates.size());
        }
        return Updates.vectors(updates, UpdateKind.MODEL).get(0);
    }

    @Override
    public void reset() {
        cycle.clear();
    }

    /** The participants still to visit in this cycle, in order (the next cycle's order comes from the sampler). */
    @Override
    public Params saveState() {
        Params.Builder b = Params.builder().number(REMAINING + ".count", cycle.size());
        for (int i = 0; i < cycle.size(); i++) {
            b.text(REMAINING + "." + i, cycle.get(i));
        }
        return b.build();
    }

    @Override
    public void restoreState(Params state) {
        cycle.clear();
        int count = state.has(REMAINING + ".count") ? state.integer(REMAINING + ".count") : 0;
        for (int i = 0; i < count; i++) {
            cycle.add(state.text(REMAINING + "." + i));
        }
    }
}
