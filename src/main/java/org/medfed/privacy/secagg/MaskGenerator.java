package org.medfed.privacy.secagg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.medfed.privacy.random.ChaChaKeystream;

/**
 * The pseudorandom generator of the protocol: a 32-byte seed (a pairwise X25519 secret or a self-mask seed)
 * expanded into a vector of k-bit integers with the ChaCha20 keystream. The ChaCha key is SHA-256 of a label
 * and the seed, so the pairwise and self masks never share a stream.
 */
final class MaskGenerator {

    private MaskGenerator() {
    }

    static int[] expand(byte[] seed, String label, int length, int modulusMask) {
        int[] out = new int[length];
        ChaChaKeystream.ofKey(sha256(label, seed)).fillInts(out);
        if (modulusMask != -1) {
            for (int i = 0; i < length; i++) {
                out[i] &= modulusMask;
            }
        }
        return out;
    }

    /** {@code acc += sign * PRG(seed)} modulo 2^k, without keeping the expanded mask. */
    static void addInto(int[] acc, byte[] seed, String label, int sign, int modulusMask) {
        ChaChaKeystream ks = ChaChaKeystream.ofKey(sha256(label, seed));
        for (int i = 0; i < acc.length; i++) {
            int m = ks.nextInt() & modulusMask;
            acc[i] = (sign > 0 ? acc[i] + m : acc[i] - m) & modulusMask;
        }
    }

    static byte[] sha256(String label, byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(label.getBytes(StandardCharsets.UTF_8));
            for (byte[] p : parts) {
                sha.update(p);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
