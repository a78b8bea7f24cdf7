package org.medfed.privacy.secagg;

import org.medfed.engine.BadInputException;

/**
 * Turns real values into integers modulo 2^k (k up to {@value SecAggParameters#MAX_BITS}, held in Java
 * {@code long}s) so that masks cancel exactly, and back.
 *
 * <p>A value x in [-range, range] becomes {@code q = round(x * B / range)} in [-B, B], stored modulo 2^k. The sum of
 * at most n such integers lies in [-nB, nB]; with {@code B = floor((2^(k-1) - 1) / n)} it stays inside the
 * signed range of k bits, so the sum modulo 2^k read as a signed number IS the integer sum: no overflow for up to
 * n contributors. Each value is off by at most {@code range / (2B)}, a sum of n values by {@code n * range / (2B)}.
 * Values outside the range are clipped (and counted).
 *
 * <p>The scaling is done in doubles. Up to about 50 bits that adds nothing visible; above, where the step
 * {@code range / B} comes near the resolution of a double, the rounding of the products adds at most a few units in
 * the last place of {@code range} (about 2^-51 of it), which {@link #maxErrorPerValue()} includes with a margin.
 * Whatever the rounding, an encoded value never leaves [-B, B], so the no-overflow guarantee holds exactly at
 * every k.
 */
public final class Quantizer {

    /**
     * Units in the last place of {@code range} allowed for the double arithmetic of encode and decode: the scale
     * B / range, the product x * scale and the quotient q / scale are each rounded once (together at most about
     * 4 * 2^-53 * range, less than 4 ulps); twice that for a margin.
     */
    private static final int ROUNDING_ULPS = 8;

    private final int bits;
    private final long mask;
    private final double range;
    private final long bound;
    private final double scale;

    public Quantizer(int bits, double range, int maxContributors) {
        if (maxContributors < 1) {
            throw new IllegalArgumentException("at least one contributor");
        }
        if (bits < 2 || bits > SecAggParameters.MAX_BITS) {
            throw new IllegalArgumentException("between 2 and " + SecAggParameters.MAX_BITS + " bits, was " + bits);
        }
        this.bits = bits;
        this.mask = (1L << bits) - 1;
        this.range = range;
        // 2^(k-1) - 1 is at most 2^61 - 1: no overflow
        this.bound = ((1L << (bits - 1)) - 1) / maxContributors;
        if (bound < 1) {
            throw new BadInputException(bits + " bits cannot hold the sum of " + maxContributors
                    + " participants' values; use more bits");
        }
        this.scale = bound / range;
    }

    /** B, the largest integer one value becomes. */
    public long bound() {
        return bound;
    }

    /**
     * The largest error of one dequantised value: half a step, {@code range / (2B)}, plus eight units in the last
     * place of {@code range} for the double arithmetic (at most 2^-49 of the range; it matters only at high k).
     */
    public double maxErrorPerValue() {
        return range / (2.0 * bound) + ROUNDING_ULPS * Math.ulp(range);
    }

    /** True when {@code x} lies outside [-range, range] and would be clipped. */
    public boolean clips(double x) {
        return !(Math.abs(x) <= range);
    }

    /** x as an element of Z_(2^k): a long in [0, 2^k). */
    public long encode(double x) {
        double c = Math.max(-range, Math.min(range, x));
        long q = Math.round(c * scale);
        // at high k, bound / range is not exact in a double and the product can round past B: keep [-B, B]
        q = Math.max(-bound, Math.min(bound, q));
        return q & mask;
    }

    /** A sum modulo 2^k (only its low k bits are read), taken as a signed k-bit number and scaled back. */
    public double decode(long sumModulo) {
        long v = sumModulo & mask;
        if (v >= (1L << (bits - 1))) {
            v -= 1L << bits;
        }
        return v / scale;
    }
}
