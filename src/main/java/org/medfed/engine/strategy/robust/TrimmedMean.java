package org.medfed.engine.strategy.robust;

import java.util.List;
import java.util.Map;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coordinate-wise trimmed mean (Yin et al. 2018): in every parameter, the {@code floor(beta * n)} smallest and
 * as many largest values are dropped and the rest averaged. Rounding down, as scipy's {@code trim_mean} does,
 * means a small round may trim nothing: with 4 updates and beta 0.2, {@code floor(0.8) = 0}, which the
 * diagnostics show and the log warns about.
 */
public final class TrimmedMean extends RobustAggregation {

    private static final Logger LOG = LoggerFactory.getLogger(TrimmedMean.class);

    private final double beta;

    /** @param beta share of updates trimmed at each end, at least 0 and below 0.5 */
    public TrimmedMean(double beta) {
        this(beta, null);
    }

    public TrimmedMean(double beta, Strategy inner) {
        super(inner);
        if (!(beta >= 0 && beta < 0.5)) {
            throw new BadInputException("trimmed mean: beta, the share of updates trimmed at each end, must be at "
                    + "least 0 and below 0.5 (half trimmed at each end would leave nothing), was " + beta);
        }
        this.beta = beta;
    }

    public double beta() {
        return beta;
    }

    /** How many values are trimmed at each end when a round has {@code n} updates. */
    public int trimPerSide(int n) {
        // the epsilon keeps 0.3 * 10 (2.9999999999999996 in double) at 3, as a person would count
        return (int) Math.floor(beta * n + 1e-9);
    }

    @Override
    protected String ruleId() {
        return "trimmed-mean";
    }

    @Override
    public void checkParticipants(int updatesPerRound) {
        super.checkParticipants(updatesPerRound);
        if (beta > 0 && trimPerSide(updatesPerRound) == 0) {
            throw new BadInputException("trimmed mean with beta " + beta + " trims nothing with " + updatesPerRound
                    + " updates per round (beta x updates = " + figure(beta * updatesPerRound) + ", rounded down "
                    + "to 0); raise beta to at least " + figure(1.0 / updatesPerRound) + " or add participants");
        }
    }

    @Override
    protected Decision decide(RoundContext context, List<ClientUpdate> updates) {
        int n = updates.size();
        int k = trimPerSide(n);
        if (beta > 0 && k == 0) {
            LOG.warn("round {}: trimmed mean with beta {} trims nothing from {} updates", context.round(), beta, n);
        }
        int[] used = new int[n];
        var mean = RobustMath.trimmedMean(updates.stream().map(ClientUpdate::update).toList(), k, used);
        return CoordinateWiseVerdicts.decision(ruleId(), "trimmed mean", updates, used, mean.size(), mean,
                Map.of(KEY_PREFIX + "trimmed_per_side", (double) k));
    }
}
