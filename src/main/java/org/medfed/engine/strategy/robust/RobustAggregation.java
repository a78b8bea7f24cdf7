package org.medfed.engine.strategy.robust;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.SelectionContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.StrategyDecorator;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.VectorMath;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProcedureCall;

/**
 * The common shape of a robust rule: it looks at the whole round, decides what to keep, and hands what it kept
 * to the strategy it wraps, so that the wrapped strategy's participant selection, client procedure (FedProx's
 * pull, for instance) and server step (FedOpt's optimiser, FedSGD's gradient step) still apply. Without a
 * wrapped strategy, the kept result becomes the next global model directly.
 *
 * <p>Subclasses implement {@link #decide}; this class sorts the updates by participant (so ties break by name
 * and sums run in a fixed order), records the verdicts and merges the wrapped strategy's diagnostics.
 */
public abstract class RobustAggregation implements RobustDefence {

    /**
     * The participant name of the one update a coordinate-wise rule hands to the strategy it wraps; the
     * parentheses keep it apart from any hospital's name.
     */
    public static final String CONSENSUS = "(robust consensus)";

    /** Prefix of every diagnostics key a robust rule writes. */
    public static final String KEY_PREFIX = "robust.";

    private final Strategy inner;
    private Map<String, Double> diagnostics = Map.of();
    private RobustReport report;

    /** @param inner the strategy whose aggregation this rule replaces, or null to adopt the rule's result */
    protected RobustAggregation(Strategy inner) {
        this.inner = inner;
    }

    /** The rule's own id, such as {@code "median"}. */
    protected abstract String ruleId();

    /**
     * Decides what to keep of a round's updates.
     *
     * @param updates never empty, sorted by participant, all of one kind
     */
    protected abstract Decision decide(RoundContext context, List<ClientUpdate> updates);

    /**
     * A rule's decision: what to hand on, a verdict per update, and the flat figures for the run history.
     *
     * @param forward     the updates the wrapped strategy aggregates (a subset, clipped copies, or one consensus)
     * @param verdicts    one per update received, in participant order
     * @param diagnostics keys starting with {@link #KEY_PREFIX}
     */
    protected record Decision(List<ClientUpdate> forward, List<UpdateVerdict> verdicts,
                              Map<String, Double> diagnostics) {
        public Decision {
            forward = List.copyOf(forward);
            verdicts = List.copyOf(verdicts);
            diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        }
    }

    public Optional<Strategy> inner() {
        return Optional.ofNullable(inner);
    }

    @Override
    public String id() {
        return inner == null ? ruleId() : ruleId() + "(" + inner.id() + ")";
    }

    @Override
    public List<String> select(SelectionContext context) {
        return inner == null ? RobustDefence.super.select(context) : inner.select(context);
    }

    @Override
    public ProcedureCall clientProcedure() {
        return inner == null ? RobustDefence.super.clientProcedure() : inner.clientProcedure();
    }

    @Override
    public List<ProcedureCall> clientFilters(String participant) {
        return inner == null ? RobustDefence.super.clientFilters(participant) : inner.clientFilters(participant);
    }

    @Override
    public final ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        if (updates.isEmpty()) {
            throw new IllegalArgumentException(ruleId() + ": no updates to aggregate");
        }
        List<ClientUpdate> sorted = new ArrayList<>(updates);
        sorted.sort(Comparator.comparing(ClientUpdate::participant));
        UpdateKind kind = sorted.get(0).kind();
        for (ClientUpdate u : sorted) {
            if (u.kind() != kind) {
                throw new IllegalArgumentException(ruleId() + ": updates mix " + kind + " and " + u.kind());
            }
        }
        Decision decision = decide(context, List.copyOf(sorted));
        ModelVector next = inner == null ? adopt(decision.forward()) : inner.aggregate(context, decision.forward());
        Map<String, Double> merged = new LinkedHashMap<>();
        if (inner != null) {
            merged.putAll(inner.roundDiagnostics());
        }
        merged.putAll(decision.diagnostics());
        // a count per rule, so that a chart has one series per layer even when nothing was rejected
        merged.put(KEY_PREFIX + ruleId() + ".rejected", (double) decision.verdicts().stream()
                .filter(v -> v.decision() == UpdateVerdict.Decision.REJECTED).count());
        diagnostics = Collections.unmodifiableMap(merged);
        report = new RobustReport(context.round(), ruleId(), decision.verdicts());
        return next;
    }

    @Override
    public Map<String, Double> roundDiagnostics() {
        return diagnostics;
    }

    @Override
    public List<RobustReport> lastReports() {
        if (report == null) {
            return List.of();
        }
        List<RobustReport> all = new ArrayList<>();
        all.add(report);
        if (inner instanceof RobustDefence defence) {
            all.addAll(defence.lastReports());
        }
        return List.copyOf(all);
    }

    @Override
    public void checkParticipants(int updatesPerRound) {
        if (inner instanceof RobustDefence defence) {
            defence.checkParticipants(updatesPerRound);
        }
    }

    @Override
    public void reset() {
        diagnostics = Map.of();
        report = null;
        if (inner != null) {
            inner.reset();
        }
    }

    /**
     * The wrapped strategy's state (a server optimiser's moments) under the prefix wrappers use; a rule itself keeps
     * nothing between rounds (its verdicts and figures are of the last round only).
     */
    @Override
    public Params saveState() {
        return inner == null ? Params.EMPTY
                : Params.builder().all(StrategyDecorator.INNER_STATE, inner.saveState()).build();
    }

    @Override
    public void restoreState(Params state) {
        if (inner == null) {
            RobustDefence.super.restoreState(state);
        } else {
            inner.restoreState(state.under(StrategyDecorator.INNER_STATE));
        }
    }

    /** Without a wrapped strategy: the one kept model, or the plain mean of several (Multi-Krum). */
    private ModelVector adopt(List<ClientUpdate> forward) {
        if (forward.get(0).kind() == UpdateKind.GRADIENT) {
            throw new BadInputException(ruleId() + " received gradients; it needs an algorithm that applies "
                    + "them (such as FedSGD) to wrap, for example " + ruleId() + " around fedsgd");
        }
        if (forward.size() == 1) {
            return forward.get(0).update();
        }
        return VectorMath.mean(forward.stream().map(ClientUpdate::update).toList());
    }

    /**
     * The one update a coordinate-wise rule hands to the strategy it wraps: the combined vector, standing for
     * all the examples of the round, so that any weighting of a single update returns it unchanged.
     */
    protected static ClientUpdate consensus(String rule, List<ClientUpdate> updates, ModelVector combined) {
        int examples = 0;
        int steps = 0;
        double lossSum = 0;
        double lossWeight = 0;
        for (ClientUpdate u : updates) {
            if (!u.extras().isEmpty()) {
                throw new BadInputException(rule + " cannot be combined with an algorithm whose participants "
                        + "send extra vectors (" + String.join(", ", u.extras().keySet()) + " from '"
                        + u.participant() + "', as SCAFFOLD does); use krum or norm clipping instead");
            }
            examples += u.examples();
            steps = Math.max(steps, u.steps());
            double w = Math.max(u.examples(), 1);
            lossSum += u.trainLoss() * w;
            lossWeight += w;
        }
        int total = Math.max(examples, 1);
        double loss = lossSum / lossWeight;
        return new ClientUpdate(CONSENSUS, combined, updates.get(0).kind(), total, 1.0, steps, loss, Map.of());
    }

    /** Share of {@code count} in {@code size}, or 1 for an empty model (nothing was left out). */
    protected static double share(int count, int size) {
        return size == 0 ? 1.0 : (double) count / size;
    }

    /** A diagnostics key for one participant: {@code robust.<what>.<participant>}. */
    protected static String key(String what, String participant) {
        return KEY_PREFIX + what + "." + participant;
    }

    /** A figure in a sentence: four significant digits, plain notation for everyday sizes. */
    protected static String figure(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
        double a = Math.abs(v);
        return a >= 1e-4 && a < 1e9 ? b.toPlainString() : b.toString();
    }
}
