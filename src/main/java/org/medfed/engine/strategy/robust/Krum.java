package org.medfed.engine.strategy.robust;

import java.util.List;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;

/**
 * Krum (Blanchard et al. 2017): assuming at most {@code f} attackers, each update is scored by the sum of its
 * squared distances to its {@code n - f - 2} nearest other updates, and the one with the lowest score is kept
 * alone. Honest updates sit close together, so an outlier scores high and is never picked. Needs
 * {@code n > 2f + 2} updates per round. Ties go to the earlier participant name.
 */
public final class Krum extends RobustAggregation {

    private final int f;

    /** The chosen update becomes the next global model. */
    public Krum(int f) {
        this(f, null);
    }

    /** The chosen update is handed to {@code inner} as the round's only update. */
    public Krum(int f, Strategy inner) {
        super(inner);
        KrumSelection.requireValidF("krum", f);
        this.f = f;
    }

    public int f() {
        return f;
    }

    @Override
    protected String ruleId() {
        return "krum";
    }

    @Override
    public void checkParticipants(int updatesPerRound) {
        super.checkParticipants(updatesPerRound);
        KrumSelection.requireFeasible(ruleId(), f, updatesPerRound, "the study");
    }

    @Override
    protected Decision decide(RoundContext context, List<ClientUpdate> updates) {
        KrumSelection.requireFeasible(ruleId(), f, updates.size(), "round " + context.round());
        return KrumSelection.select(ruleId(), f, 1, updates);
    }
}
