package org.medfed.privacy.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.medfed.engine.protocol.Params;

/**
 * Where privacy code gets its randomness: a fresh {@link CryptoRandom} per purpose (server noise of round 3,
 * the key pair of a participant, ...).
 *
 * <p>Real studies use {@link #secure()}: every stream is keyed with 32 bytes from {@link SecureRandom}, so
 * nobody, not even someone who knows the study seed, can predict or subtract the noise. Tests and teaching
 * demos that must be reproducible use {@link #seeded(long)}: every stream is keyed from SHA-256 of the seed,
 * the purpose and the index, which makes runs bit-identical but offers NO protection, because the noise can
 * be recomputed from the seed.
 */
public abstract class RandomSource {

    private static final String SEED = "random.seed";

    private RandomSource() {
    }

    /** Streams keyed from the operating system's secure random generator. */
    public static RandomSource secure() {
        return new Secure();
    }

    /**
     * Streams derived from {@code seed}: reproducible, and for that reason not private. Only for tests and
     * demonstrations; the study file should record that a seeded source was used.
     */
    public static RandomSource seeded(long seed) {
        return new Seeded(seed);
    }

    /**
     * What a hospital needs to rebuild this source: the seed in seeded mode; nothing in secure mode, where each
     * side draws its own randomness.
     */
    public abstract Params describe();

    /** The source a request describes ({@link #describe()}): seeded when it carries a seed, else secure. */
    public static RandomSource from(Params params) {
        return params.has(SEED) ? seeded(params.longNumber(SEED)) : secure();
    }

    /** A generator for one purpose; with a seeded source the same (purpose, index) gives the same stream. */
    public abstract CryptoRandom stream(String purpose, long index);

    /** True when the numbers can be reproduced from a seed (tests), false for real runs. */
    public abstract boolean isSeeded();

    /**
     * A {@link SecureRandom} for JDK key generation (X25519, Paillier primes): the operating system's in real
     * runs; in seeded mode one whose bytes come from {@link #stream(String, long)}, so that test keys repeat.
     */
    public SecureRandom secureRandom(String purpose, long index) {
        if (!isSeeded()) {
            return new SecureRandom();
        }
        return new StreamSecureRandom(stream(purpose, index));
    }

    /** A SecureRandom whose bytes are a seeded stream: reproducible, therefore for tests only. */
    private static final class StreamSecureRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient CryptoRandom source;

        StreamSecureRandom(CryptoRandom source) {
            this.source = source;
        }

        // SecureRandom's final next(int) and the BigInteger constructors read through nextBytes
        @Override
        public synchronized void nextBytes(byte[] bytes) {
            source.nextBytes(bytes);
        }

        @Override
        public byte[] generateSeed(int numBytes) {
            byte[] b = new byte[numBytes];
            nextBytes(b);
            return b;
        }

        @Override
        public synchronized void setSeed(byte[] seed) {
            // the stream is fixed by the test seed; extra seed material is ignored on purpose
        }

        @Override
        public void setSeed(long seed) {
            // called by the Random constructor before the stream exists; ignored
        }
    }

    private static final class Secure extends RandomSource {
        private final SecureRandom secureRandom = new SecureRandom();

        @Override
        public CryptoRandom stream(String purpose, long index) {
            byte[] key = new byte[32];
            synchronized (secureRandom) {
                secureRandom.nextBytes(key);
            }
            return new CryptoRandom(key);
        }

        @Override
        public boolean isSeeded() {
            return false;
        }

        @Override
        public Params describe() {
            return Params.EMPTY;
        }

        @Override
        public String toString() {
            return "RandomSource.secure";
        }
    }

    private static final class Seeded extends RandomSource {
        private final long seed;

        Seeded(long seed) {
            this.seed = seed;
        }

        @Override
        public CryptoRandom stream(String purpose, long index) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update("medfed-random-v1".getBytes(StandardCharsets.UTF_8));
                sha.update(ByteBuffer.allocate(16).putLong(seed).putLong(index).array());
                sha.update(purpose.getBytes(StandardCharsets.UTF_8));
                return new CryptoRandom(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this Java runtime has no SHA-256", e);
            }
        }

        @Override
        public boolean isSeeded() {
            return true;
        }

        @Override
        public Params describe() {
            return Params.builder().longNumber(SEED, seed).build();
        }

        @Override
        public String toString() {
            return "RandomSource.seeded(" + seed + ")";
        }
    }
}
