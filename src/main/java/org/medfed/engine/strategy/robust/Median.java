package org.medfed.engine.strategy.robust;

import java.util.List;
import java.util.Map;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;

/**
 * Coordinate-wise median (Yin et al. 2018): every parameter of the next model is the median of that parameter
 * over the round's updates, the mean of the two middle values when their number is even. One participant, or
 * any minority, cannot move a coordinate beyond the range of the honest values, however large its update.
 *
 * <p>Works on the updates as sent: the median commutes with subtracting the global model, so taking it on
 * deltas would give the same result with one more rounding.
 */
public final class Median extends RobustAggregation {

    /** The median becomes the next global model. */
    public Median() {
        this(null);
    }

    /** The median is handed, as the round's only update, to {@code inner} (FedOpt's server step, for instance). */
    public Median(Strategy inner) {
        super(inner);
    }

    @Override
    protected String ruleId() {
        return "median";
    }

    @Override
    protected Decision decide(RoundContext context, List<ClientUpdate> updates) {
        int[] used = new int[updates.size()];
        var median = RobustMath.median(updates.stream().map(ClientUpdate::update).toList(), used);
        return CoordinateWiseVerdicts.decision(ruleId(), "median", updates, used, median.size(), median, Map.of());
    }
}
