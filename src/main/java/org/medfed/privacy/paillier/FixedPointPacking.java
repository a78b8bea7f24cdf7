package org.medfed.privacy.paillier;

import java.math.BigInteger;
import org.medfed.engine.BadInputException;
import org.medfed.engine.protocol.Params;

/**
 * Fixed-point encoding of real values and packing of several of them into one Paillier plaintext.
 *
 * <p>A value x in [-range, range] becomes {@code v = round(x * 2^f) + R} with {@code R = round(range * 2^f)}, an
 * integer in [0, 2R]. Sums of up to N participants' values lie in [0, 2RN]; each value gets a slot of
 * {@code s = bitLength(2RN)} bits, so that a sum never carries into the next slot, and
 * {@code floor((|n| - 1) / s)} slots fill one plaintext, which stays below n. Decoding a sum of c contributions
 * subtracts {@code c R} and divides by 2^f; the error per summed value is at most {@code 2^-(f+1)}, of a sum of c
 * values {@code c 2^-(f+1)}.
 *
 * <p>Overflow is prevented, not repaired: encoding refuses values outside the range, and the aggregator refuses to
 * add more than N contributions ({@link HomomorphicAggregator}); decoding checks every slot against its bound.
 */
public final class FixedPointPacking {

    private final int fractionBits;
    private final double range;
    private final int maxContributors;
    private final int modulusBits;
    private final boolean packed;
    private final long offset;
    private final int slotBits;
    private final int slotsPerPlaintext;
    private final BigInteger slotMask;

    /**
     * @param fractionBits    f, bits after the binary point (16 gives steps of 1.5e-5)
     * @param range           values must lie in [-range, range]
     * @param maxContributors N, the most participants whose vectors may be added
     * @param modulusBits     bits of the Paillier modulus n
     * @param packed          false puts one value in each plaintext (for comparison)
     */
    public FixedPointPacking(int fractionBits, double range, int maxContributors, int modulusBits, boolean packed) {
        if (fractionBits < 0 || fractionBits > 52) {
            throw new BadInputException("fixed-point fraction bits must be between 0 and 52, was " + fractionBits);
        }
        if (!(range > 0) || Double.isInfinite(range)) {
            throw new BadInputException("the Paillier value range must be positive, was " + range);
        }
        if (maxContributors < 1) {
            throw new BadInputException("at least one contributor");
        }
        this.fractionBits = fractionBits;
        this.range = range;
        this.maxContributors = maxContributors;
        this.modulusBits = modulusBits;
        this.packed = packed;
        this.offset = Math.round(Math.scalb(range, fractionBits));
        BigInteger maxSum = BigInteger.valueOf(2 * offset).multiply(BigInteger.valueOf(maxContributors));
        this.slotBits = maxSum.bitLength();
        int usable = modulusBits - 1;
        if (slotBits > usable) {
            throw new BadInputException("a slot of " + slotBits + " bits does not fit a " + modulusBits + "-bit modulus");
        }
        this.slotsPerPlaintext = packed ? usable / slotBits : 1;
        this.slotMask = BigInteger.ONE.shiftLeft(slotBits).subtract(BigInteger.ONE);
    }

    /** Its settings as request fields, from which a hospital rebuilds the same packing. */
    public Params describe() {
        return Params.builder().number("fraction_bits", fractionBits).number("range", range)
                .number("max_contributors", maxContributors).number("modulus_bits", modulusBits)
                .flag("packed", packed).build();
    }

    public static FixedPointPacking fromParams(Params p) {
        return new FixedPointPacking(p.integer("fraction_bits"), p.number("range"), p.integer("max_contributors"),
                p.integer("modulus_bits"), p.flag("packed"));
    }

    public int slotBits() {
        return slotBits;
    }

    public int slotsPerPlaintext() {
        return slotsPerPlaintext;
    }

    public int maxContributors() {
        return maxContributors;
    }

    public double range() {
        return range;
    }

    /** Largest error of one decoded value. */
    public double resolution() {
        return Math.scalb(0.5, -fractionBits);
    }

    /** How many plaintexts (and ciphertexts) a vector of {@code length} values needs. */
    public int plaintexts(int length) {
        return (length + slotsPerPlaintext - 1) / slotsPerPlaintext;
    }

    /** The values packed into plaintexts; a value outside [-range, range] is refused (clip before). */
    public BigInteger[] encode(double[] values) {
        BigInteger[] out = new BigInteger[plaintexts(values.length)];
        for (int block = 0; block < out.length; block++) {
            BigInteger m = BigInteger.ZERO;
            int first = block * slotsPerPlaintext;
            int last = Math.min(values.length, first + slotsPerPlaintext);
            // slot j of the block holds value first + j, lowest slot first
            for (int i = last - 1; i >= first; i--) {
                double x = values[i];
                if (!(Math.abs(x) <= range)) {
                    throw new BadInputException("value " + x + " at position " + i + " is outside the Paillier range +-"
                            + range + "; clip the update or raise the range");
                }
                long v = Math.round(Math.scalb(x, fractionBits)) + offset;
                m = m.shiftLeft(slotBits).add(BigInteger.valueOf(v));
            }
            out[block] = m;
        }
        return out;
    }

    /** The sums of {@code contributors} encoded vectors, back to real values. */
    public double[] decode(BigInteger[] sums, int length, int contributors) {
        if (contributors < 1 || contributors > maxContributors) {
            throw new BadInputException("a sum of " + contributors + " contributions cannot be decoded: the packing "
                    + "has headroom for 1 to " + maxContributors);
        }
        long bound = 2 * offset * (long) contributors;
        long shift = offset * (long) contributors;
        double[] out = new double[length];
        for (int block = 0; block < sums.length; block++) {
            BigInteger m = sums[block];
            int first = block * slotsPerPlaintext;
            int last = Math.min(length, first + slotsPerPlaintext);
            for (int i = first; i < last; i++) {
                long v = m.and(slotMask).longValueExact();
                if (v > bound) {
                    throw new IllegalStateException("slot " + i + " holds " + v + ", above the largest possible sum "
                            + bound + ": the packed sum overflowed");
                }
                out[i] = Math.scalb((double) (v - shift), -fractionBits);
                m = m.shiftRight(slotBits);
            }
            if (m.signum() != 0) {
                throw new IllegalStateException("block " + block + " has bits above its slots: the packed sum overflowed");
            }
        }
        return out;
    }
}
