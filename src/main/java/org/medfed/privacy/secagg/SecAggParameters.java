package org.medfed.privacy.secagg;

import org.medfed.engine.BadInputException;
import org.medfed.engine.protocol.Params;

/**
 * Settings of secure aggregation.
 *
 * @param bits              k: masked values live in Z_(2^k); between 8 and 32
 * @param range             each value of an update (a delta coordinate) is clipped to [-range, range] before it is
 *                          turned into an integer; choose it above the largest expected coordinate (with DP, the
 *                          clip norm plus a few noise deviations)
 * @param extrasRange       the same for small reports a participant adds (DP's unclipped indicator): default 1
 * @param thresholdFraction t = max(2, ceil(fraction * n)) of the n participants that advertised keys must remain
 *                          to remove the masks; must exceed 1/2 so that the aggregator needs a majority
 */
public record SecAggParameters(int bits, double range, double extrasRange, double thresholdFraction) {

    public SecAggParameters {
        if (bits < 8 || bits > 32) {
            throw new BadInputException("secure aggregation needs between 8 and 32 bits per value, was " + bits);
        }
        if (!(range > 0) || Double.isInfinite(range)) {
            throw new BadInputException("the secure aggregation value range must be positive, was " + range);
        }
        if (!(extrasRange > 0) || Double.isInfinite(extrasRange)) {
            throw new BadInputException("the secure aggregation range of reports must be positive, was " + extrasRange);
        }
        if (!(thresholdFraction > 0.5 && thresholdFraction <= 1)) {
            throw new BadInputException("the secure aggregation threshold must be more than half of the participants "
                    + "(a fraction in (0.5, 1]), was " + thresholdFraction);
        }
    }

    /** 24 bits, values in [-range, range], reports in [-1, 1], threshold two thirds. */
    public static SecAggParameters of(double range) {
        return new SecAggParameters(24, range, 1.0, 2.0 / 3.0);
    }

    public SecAggParameters withBits(int k) {
        return new SecAggParameters(k, range, extrasRange, thresholdFraction);
    }

    public SecAggParameters withThresholdFraction(double f) {
        return new SecAggParameters(bits, range, extrasRange, f);
    }

    /** How many of {@code n} participants must remain for the masks to come off. */
    public int threshold(int n) {
        return Math.max(2, (int) Math.ceil(thresholdFraction * n - 1e-9));
    }

    /** The settings as request fields, so that every hospital quantises and masks alike. */
    public Params describe() {
        return Params.builder().number("bits", bits).number("range", range).number("extras_range", extrasRange)
                .number("threshold_fraction", thresholdFraction).build();
    }

    public static SecAggParameters fromParams(Params p) {
        return new SecAggParameters(p.integer("bits"), p.number("range"), p.number("extras_range"),
                p.number("threshold_fraction"));
    }

    /** All-ones in the low k bits: arithmetic modulo 2^k on Java ints. */
    int modulusMask() {
        return bits == 32 ? -1 : (1 << bits) - 1;
    }
}
