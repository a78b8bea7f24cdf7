package org.medfed.engine.strategy.robust;

import java.util.List;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;

/**
 * Multi-Krum (Blanchard et al. 2017): scores updates as {@link Krum} does and keeps the {@code m} with the
 * lowest scores. Without a wrapped strategy their plain mean becomes the next model, as in the paper; a wrapped
 * strategy averages them its own way (FedAvg weighs them by examples). {@code m = 1} is Krum; {@code m = n}
 * keeps everything and defends nothing.
 */
public final class MultiKrum extends RobustAggregation {

    /** {@link #m()} value meaning "n - f": keep as many updates as are assumed honest. */
    public static final int HONEST_COUNT = 0;

    private final int f;
    private final int m;

    /** Keeps {@code n - f} updates each round. */
    public MultiKrum(int f) {
        this(f, HONEST_COUNT, null);
    }

    public MultiKrum(int f, int m) {
        this(f, m, null);
    }

    /** @param m updates kept per round, or {@link #HONEST_COUNT} for {@code n - f} */
    public MultiKrum(int f, int m, Strategy inner) {
        super(inner);
        KrumSelection.requireValidF("multi-krum", f);
        if (m < 0) {
            throw new BadInputException("multi-krum: m, the number of updates kept, must be at least 1 (or 0 for "
                    + "n - f), was " + m);
        }
        this.f = f;
        this.m = m;
    }

    public int f() {
        return f;
    }

    /** Updates kept per round, or {@link #HONEST_COUNT}. */
    public int m() {
        return m;
    }

    /** Updates kept in a round of {@code n}. */
    public int keptOf(int n) {
        return m == HONEST_COUNT ? n - f : m;
    }

    @Override
    protected String ruleId() {
        return "multi-krum";
    }

    @Override
    public void checkParticipants(int updatesPerRound) {
        super.checkParticipants(updatesPerRound);
        requireUsable(updatesPerRound, "the study");
    }

    @Override
    protected Decision decide(RoundContext context, List<ClientUpdate> updates) {
        requireUsable(updates.size(), "round " + context.round());
        return KrumSelection.select(ruleId(), f, keptOf(updates.size()), updates);
    }

    private void requireUsable(int n, String where) {
        KrumSelection.requireFeasible(ruleId(), f, n, where);
        if (keptOf(n) > n) {
            throw new BadInputException("multi-krum keeps m = " + m + " updates per round, but " + where + " has "
                    + n + "; m must be at most the number of updates");
        }
    }
}
