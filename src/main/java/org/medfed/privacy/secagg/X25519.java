package org.medfed.privacy.secagg;

import java.security.SecureRandom;

/**
 * X25519 key agreement (RFC 7748) on raw 32-byte keys, as they travel in messages and in Shamir shares: the
 * private key is the 32-byte scalar (clamped when used, as the RFC says), the public key the u-coordinate,
 * little-endian.
 *
 * <p>The arithmetic is Bouncy Castle's ({@code org.bouncycastle.math.ec.rfc7748}, already on the class path for
 * the study's certificates), not the JDK's {@code XDH} provider: the JDK 17 one computes in generic big-number
 * limbs and took half of a secure round's CPU time at 64 hospitals (a round needs about 2 n^2 agreements); Bouncy
 * Castle's field arithmetic is several times faster and its key generation uses a fixed-base table. Both compute
 * the function of RFC 7748, so the secrets are the same bits ({@code X25519Test} compares them with the JDK's).
 */
final class X25519 {

    static final int KEY_BYTES = 32;

    /** One participant's key pair for one purpose and round. */
    record KeyPair(byte[] privateKey, byte[] publicKey) {
    }

    private X25519() {
    }

    static KeyPair generate(SecureRandom random) {
        byte[] scalar = new byte[KEY_BYTES];
        random.nextBytes(scalar);
        return new KeyPair(scalar, publicKey(scalar));
    }

    static byte[] publicKey(byte[] privateKey) {
        requireLength(privateKey, "private");
        byte[] pub = new byte[KEY_BYTES];
        org.bouncycastle.math.ec.rfc7748.X25519.generatePublicKey(privateKey, 0, pub, 0);
        return pub;
    }

    /** The 32-byte shared secret of our private key and their public key. */
    static byte[] agree(byte[] privateKey, byte[] publicKey) {
        requireLength(privateKey, "private");
        requireLength(publicKey, "public");
        byte[] secret = new byte[KEY_BYTES];
        if (!org.bouncycastle.math.ec.rfc7748.X25519.calculateAgreement(privateKey, 0, publicKey, 0, secret, 0)) {
            // RFC 7748 section 6.1: an all-zero secret means a public key of small order
            throw new IllegalArgumentException("X25519 key agreement failed: the public key has small order");
        }
        return secret;
    }

    private static void requireLength(byte[] key, String kind) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an X25519 " + kind + " key has 32 bytes, got " + key.length);
        }
    }
}
