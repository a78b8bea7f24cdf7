package org.medfed.privacy.secagg;

import org.medfed.engine.BadInputException;

/**
 * Turns real values into integers modulo 2^k so that masks cancel exactly, and back.
 *
 * <p>A value x in [-range, range] becomes {@code q = round(x * B / range)} in [-B, B], stored modulo 2^k. The sum of
 * at most n such integers lies in [-nB, nB]; with {@code B = floor((2^(k-1) - 1) / n)} it stays inside the
 * signed range of k bits, so the sum modulo 2^k read as a signed number IS the integer sum: no overflow for up to
 * n contributors. Each value is off by at most {@code range / (2B)}, a sum of n values by {@code n * range / (2B)}.
 * Values outside the range are clipped (and counted).
 */
public final class Quantizer {

    private final int bits;
    private final int mask;
    private final double range;
    private final long bound;
    private final double scale;

    public Quantizer(int bits, double range, int maxContributors) {
        if (maxContributors < 1) {
            throw new IllegalArgumentException("at least one contributor");
        }
        this.bits = bits;
        this.mask = bits == 32 ? -1 : (1 << bits) - 1;
        this.range = range;
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

    /** The largest error of one dequantised value: half a step. */
    public double maxErrorPerValue() {
        return range / (2.0 * bound);
    }

    /** True when {@code x} lies outside [-range, range] and would be clipped. */
    public boolean clips(double x) {
        return !(Math.abs(x) <= range);
    }

    /** x as an element of Z_(2^k) (the low k bits of the int). */
    public int encode(double x) {
        double c = Math.max(-range, Math.min(range, x));
        long q = Math.round(c * scale);
        return (int) q & mask;
    }

    /** A sum modulo 2^k, read as a signed k-bit number and scaled back. */
    public double decode(int sumModulo) {
        long v = bits == 32 ? sumModulo & 0xFFFFFFFFL : sumModulo & mask;
        if (v >= (1L << (bits - 1))) {
            v -= 1L << bits;
        }
        return v / scale;
    }
}
