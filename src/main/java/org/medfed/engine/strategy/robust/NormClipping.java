package org.medfed.engine.strategy.robust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.VectorMath;

/**
 * Norm clipping around any strategy ({@code new NormClipping(new FedAvg(), 1.0)},
 * {@code new NormClipping(new Median(), 1.0)}): every update whose change from the global model is longer than
 * the bound is shrunk to the bound, keeping its direction, before the wrapped strategy aggregates. A scaled-up
 * update (model replacement) then weighs no more than an honest one; a poisoned direction still gets through,
 * so clipping is usually combined with a rule that looks at directions.
 *
 * <p>The change is {@code update - global} for trained models and the vector itself for gradients. Updates
 * within the bound pass through untouched, bit for bit.
 */
public final class NormClipping extends RobustAggregation {

    private final double bound;

    public NormClipping(Strategy inner, double bound) {
        super(Objects.requireNonNull(inner, "norm clipping wraps a strategy"));
        if (!(bound > 0) || !Double.isFinite(bound)) {
            throw new BadInputException("norm clipping: the norm bound must be a positive number, was " + bound);
        }
        this.bound = bound;
    }

    public double bound() {
        return bound;
    }

    @Override
    protected String ruleId() {
        return "norm-clipping";
    }

    @Override
    protected Decision decide(RoundContext context, List<ClientUpdate> updates) {
        List<ClientUpdate> forward = new ArrayList<>();
        List<UpdateVerdict> verdicts = new ArrayList<>();
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        for (ClientUpdate u : updates) {
            boolean model = u.kind() == UpdateKind.MODEL;
            ModelVector delta = model ? VectorMath.subtract(u.update(), context.global()) : u.update();
            double norm = delta.l2Norm();
            diagnostics.put(key("norm", u.participant()), norm);
            if (norm <= bound) {
                forward.add(u);
                verdicts.add(new UpdateVerdict(u.participant(), UpdateVerdict.Decision.KEPT, 1.0,
                        "change of norm " + figure(norm) + " within the bound " + figure(bound) + ": used as sent"));
                continue;
            }
            double scale = bound / norm;
            ModelVector clipped = model ? VectorMath.addScaled(context.global(), delta, scale)
                    : VectorMath.scale(delta, scale);
            forward.add(u.withUpdate(clipped));
            verdicts.add(new UpdateVerdict(u.participant(), UpdateVerdict.Decision.CLIPPED, scale,
                    "change of norm " + figure(norm) + " above the bound " + figure(bound) + ": scaled by "
                            + figure(scale)));
            diagnostics.put(key("clipped", u.participant()), scale);
        }
        diagnostics.put(KEY_PREFIX + ruleId() + ".clipped",
                (double) verdicts.stream().filter(v -> v.decision() == UpdateVerdict.Decision.CLIPPED).count());
        return new Decision(forward, verdicts, diagnostics);
    }
}
