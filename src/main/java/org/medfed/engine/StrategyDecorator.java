package org.medfed.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.medfed.engine.protocol.ProcedureCall;

/**
 * A strategy that wraps another and changes part of what it does (privacy, secure sums): everything it does not
 * override goes to the wrapped strategy, and its own per-round figures are reported beside the wrapped one's.
 */
public abstract class StrategyDecorator implements Strategy {

    protected final Strategy inner;
    private Map<String, Double> ownDiagnostics = Map.of();

    protected StrategyDecorator(Strategy inner) {
        this.inner = Objects.requireNonNull(inner, "inner strategy");
    }

    public Strategy inner() {
        return inner;
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
    public List<ProcedureCall> clientFilters() {
        return inner.clientFilters();
    }

    /** The wrapped strategy's filters followed by {@code own}. */
    protected List<ProcedureCall> filtersThen(ProcedureCall own) {
        List<ProcedureCall> all = new java.util.ArrayList<>(inner.clientFilters());
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
}
