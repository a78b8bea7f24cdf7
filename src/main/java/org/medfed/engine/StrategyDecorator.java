package org.medfed.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProcedureCall;

/**
 * A strategy that wraps another and changes part of what it does (privacy, secure sums): everything it does not
 * override goes to the wrapped strategy, and its own per-round figures are reported beside the wrapped one's.
 */
public abstract class StrategyDecorator implements Strategy {

    /** Prefix of the wrapped strategy's state in this wrapper's saved state. */
    public static final String INNER_STATE = "inner.";
    /** Prefix of this wrapper's own state in its saved state. */
    public static final String OWN_STATE = "own.";

    protected final Strategy inner;
    private Map<String, Double> ownDiagnostics = Map.of();

    protected StrategyDecorator(Strategy inner) {
        this.inner = Objects.requireNonNull(inner, "inner strategy");
    }

    public Strategy inner() {
        return inner;
    }

    @Override
    public Schedule schedule() {
        return inner.schedule();
    }

    @Override
    public List<String> select(SelectionContext context) {
        return inner.select(context);
    }

    @Override
    public ProcedureCall clientProcedure() {
        return inner.clientProcedure();
    }

    @Override
    public List<ProcedureCall> clientFilters(String participant) {
        return inner.clientFilters(participant);
    }

    @Override
    public java.util.Optional<ProcedureCall> personalisation() {
        return inner.personalisation();
    }

    /** The wrapped strategy's filters for {@code participant} followed by {@code own}. */
    protected List<ProcedureCall> filtersThen(String participant, ProcedureCall own) {
        List<ProcedureCall> all = new java.util.ArrayList<>(inner.clientFilters(participant));
        all.add(own);
        return List.copyOf(all);
    }

    /** Records this wrapper's figures for the round just aggregated. */
    protected void report(Map<String, Double> figures) {
        ownDiagnostics = Map.copyOf(figures);
    }

    @Override
    public Map<String, Double> roundDiagnostics() {
        Map<String, Double> all = new LinkedHashMap<>(inner.roundDiagnostics());
        all.putAll(ownDiagnostics);
        return all;
    }

    @Override
    public void reset() {
        inner.reset();
        ownDiagnostics = Map.of();
        resetOwnState();
    }

    /** Forgets this wrapper's own state between runs. */
    protected void resetOwnState() {
    }

    /** The wrapped strategy's state under {@link #INNER_STATE} and this wrapper's under {@link #OWN_STATE}. */
    @Override
    public final Params saveState() {
        return Params.builder().all(INNER_STATE, inner.saveState()).all(OWN_STATE, saveOwnState()).build();
    }

    @Override
    public final void restoreState(Params state) {
        inner.restoreState(state.under(INNER_STATE));
        restoreOwnState(state.under(OWN_STATE));
    }

    /** What this wrapper itself keeps between rounds (DP's accountant, its adaptive clip); empty by default. */
    protected Params saveOwnState() {
        return Params.EMPTY;
    }

    /** Continues from what {@link #saveOwnState()} gave. */
    protected void restoreOwnState(Params own) {
        if (!own.isEmpty()) {
            throw new BadInputException("the checkpoint holds a state (" + String.join(", ", own.keys())
                    + ") for '" + id() + "', which keeps none of its own");
        }
    }
}
