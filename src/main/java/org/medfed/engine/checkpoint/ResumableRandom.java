package org.medfed.engine.checkpoint;

import java.util.Random;

/**
 * A {@link Random} whose exact state can be read and restored, so that a resumed run samples the same
 * participants as a run that was never interrupted. It draws exactly the numbers of {@code new Random(seed)}
 * (the same 48-bit linear congruential generator and the same Gaussian pairs), because runs recorded before
 * checkpoints existed must keep their results; {@code java.util.Random} itself hides its state.
 */
public final class ResumableRandom extends Random {

    private static final long serialVersionUID = 1L;
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;

    // no initialisers: Random's constructor calls setSeed before this class's fields would be initialised
    private long state;
    private double nextNextGaussian;
    private boolean haveNextNextGaussian;

    /** The same sequence as {@code new Random(seed)}. */
    public ResumableRandom(long seed) {
        super(seed);
        setSeed(seed);
    }

    private ResumableRandom(State saved) {
        super(0);
        this.state = saved.seed48() & MASK;
        this.haveNextNextGaussian = saved.hasNextGaussian();
        this.nextNextGaussian = saved.nextGaussian();
    }

    /** A generator that continues exactly where the one that gave {@code saved} stood. */
    public static ResumableRandom restore(State saved) {
        return new ResumableRandom(saved);
    }

    /** Where the generator stands now. */
    public synchronized State state() {
        return new State(state, haveNextNextGaussian, haveNextNextGaussian ? nextNextGaussian : 0.0);
    }

    @Override
    public synchronized void setSeed(long seed) {
        state = (seed ^ MULTIPLIER) & MASK;
        haveNextNextGaussian = false;
    }

    @Override
    protected synchronized int next(int bits) {
        state = (state * MULTIPLIER + ADDEND) & MASK;
        return (int) (state >>> (48 - bits));
    }

    /** Knuth's polar method, as {@link Random#nextGaussian()} computes it, with its cached second value. */
    @Override
    public synchronized double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }

    /**
     * A generator's exact state.
     *
     * @param seed48          the 48-bit state of the linear congruential generator
     * @param hasNextGaussian whether the second value of a Gaussian pair is waiting
     * @param nextGaussian    that value (0 when none is waiting)
     */
    public record State(long seed48, boolean hasNextGaussian, double nextGaussian) {
    }
}
