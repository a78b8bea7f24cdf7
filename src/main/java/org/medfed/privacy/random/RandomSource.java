package org.medfed.privacy.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

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

    /** A generator for one purpose; with a seeded source the same (purpose, index) gives the same stream. */
    public abstract CryptoRandom stream(String purpose, long index);

    /** True when the numbers can be reproduced from a seed (tests), false for real runs. */
    public abstract boolean isSeeded();

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
        public String toString() {
            return "RandomSource.seeded(" + seed + ")";
        }
    }
}
