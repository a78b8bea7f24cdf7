package org.medfed.privacy.secagg;

import org.medfed.engine.BadInputException;
import org.medfed.engine.protocol.Params;

/**
 * Settings of secure aggregation.
 *
 * @param bits              k: masked values live in Z_(2^k), held in Java {@code long}s; between 8 and
 *                          {@value #MAX_BITS} in the protocol.
 *                          The trade-off: with n participants one value becomes an integer in [-B, B],
 *                          {@code B = floor((2^(k-1) - 1) / n)}, so each extra bit halves the quantisation step
 *                          {@code range / B} (and the error, half a step per value, see {@link Quantizer}); but
 *                          every masked value costs k bits on the wire ({@link SecAggCost}), so 62 bits send nearly
 *                          twice the bytes of 32. Once B exceeds about 2^53 (k above about 54 + log2 n) the step is
 *                          finer than a double resolves and more bits only cost bytes.
 * @param range             each value of an update (a delta coordinate) is clipped to [-range, range] before it is
 *                          turned into an integer; choose it above the largest expected coordinate (with DP, the
 *                          clip norm plus a few noise deviations)
 * @param extrasRange       the same for small reports a participant adds (DP's unclipped indicator): default 1
 * @param thresholdFraction t = max(2, ceil(fraction * n)) of the n participants that advertised keys must remain
 *                          to remove the masks; must exceed 1/2 so that the aggregator needs a majority
 */
public record SecAggParameters(int bits, double range, double extrasRange, double thresholdFraction) {

    /** The fewest bits per masked value. */
    public static final int MIN_BITS = 8;
    /**
     * The most bits per masked value: values below 2^62 add without overflowing a Java {@code long}, so
     * {@code (a + b) & mask} is exact without any wider arithmetic.
     */
    public static final int MAX_BITS = 62;
    /**
     * The default k: 32 bits, the most the protocol allowed before it moved to {@code long}s. With n = 1000
     * participants a value is one of about 4.3 million steps across [-range, range], and a masked value costs as
     * many bytes as a float32 of the plain update. (While {@link SecureAggregation} packs masked values into
     * floats it refuses more than 24 bits, so a study sets its bits explicitly; the study file's default is 24.)
     */
    public static final int DEFAULT_BITS = 32;

    public SecAggParameters {
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new BadInputException("secure aggregation needs between " + MIN_BITS + " and " + MAX_BITS
                    + " bits per value, was " + bits);
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

    /** {@value #DEFAULT_BITS} bits, values in [-range, range], reports in [-1, 1], threshold two thirds. */
    public static SecAggParameters of(double range) {
        return new SecAggParameters(DEFAULT_BITS, range, 1.0, 2.0 / 3.0);
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

    /** All-ones in the low k bits: arithmetic modulo 2^k on Java longs is {@code & modulusMask()}. */
    long modulusMask() {
        return (1L << bits) - 1;
    }
}
