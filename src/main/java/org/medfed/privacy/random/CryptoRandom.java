package org.medfed.privacy.random;

/**
 * A cryptographically strong random generator: the ChaCha20 keystream of a 256-bit key. Keyed from
 * {@link java.security.SecureRandom} in real runs ({@link RandomSource#secure()}), or from a seed in tests
 * ({@link RandomSource#seeded(long)}), where the same seed gives the same numbers on every JVM.
 *
 * <p>Gaussian draws use the Box-Muller transform with {@link StrictMath}, so that they are bit-identical
 * across JVMs. Not thread-safe: take one generator per thread or per purpose.
 */
public final class CryptoRandom {

    private static final double TWO_PI = 2 * Math.PI;
    private static final double UNIT = 0x1.0p-53;

    private final ChaChaKeystream stream;
    private double spareGaussian;
    private boolean hasSpare;

    CryptoRandom(byte[] key) {
        this.stream = ChaChaKeystream.ofKey(key);
    }

    public int nextInt() {
        return stream.nextInt();
    }

    public long nextLong() {
        return stream.nextLong();
    }

    public void nextBytes(byte[] out) {
        stream.nextBytes(out);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (stream.nextLong() >>> 11) * UNIT;
    }

    /** Uniform in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long limit = (1L << 32) - ((1L << 32) % bound);
        long r;
        do {
            r = stream.nextInt() & 0xFFFFFFFFL;
        } while (r >= limit);
        return (int) (r % bound);
    }

    /** A standard normal draw (Box-Muller; the second value of each pair is kept for the next call). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        // u1 in (0, 1] so that the logarithm is finite
        double u1 = ((stream.nextLong() >>> 11) + 1) * UNIT;
        double u2 = nextDouble();
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double angle = TWO_PI * u2;
        spareGaussian = radius * StrictMath.sin(angle);
        hasSpare = true;
        return radius * StrictMath.cos(angle);
    }

    /** {@code values[i] += std * N(0, 1)} for every i. */
    public void addGaussian(double[] values, double std) {
        if (std == 0) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] += std * nextGaussian();
        }
    }
}
