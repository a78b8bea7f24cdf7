package org.medfed.privacy.secagg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.medfed.privacy.random.ChaChaKeystream;

/**
 * The pseudorandom generator of the protocol: a 32-byte seed (a pairwise X25519 secret or a self-mask seed)
 * expanded into a vector of k-bit integers (k at most {@value SecAggParameters#MAX_BITS}, in {@code long}s) with the
 * ChaCha20 keystream. The ChaCha key is SHA-256 of a label and the seed, so the pairwise and self masks never share
 * a stream.
 *
 * <p>Mask value i is the i-th 64-bit value of the keystream ({@link ChaChaKeystream#nextLong}: keystream words 2i
 * and 2i + 1, the first in the low half) with all but its low k bits cleared. Since 2^k divides 2^64, the low k
 * bits of a uniform 64-bit value are uniform modulo 2^k: no rejection is needed.
 */
final class MaskGenerator {

    private MaskGenerator() {
    }

    /** The mask PRG(seed) itself: {@code length} values in [0, 2^k). */
    static long[] expand(byte[] seed, String label, int length, long modulusMask) {
        long[] out = new long[length];
        ChaChaKeystream.ofKey(sha256(label, seed)).fillLongs(out);
        for (int i = 0; i < length; i++) {
            out[i] &= modulusMask;
        }
        return out;
    }

    /**
     * {@code acc += sign * PRG(seed)} modulo 2^k, without keeping the expanded mask; the entries of {@code acc}
     * are in [0, 2^k) on return. (For entries already in [0, 2^k), k at most 62, the sum and the difference never
     * leave the range of a long; even if they did, long arithmetic wraps modulo 2^64, a multiple of 2^k.)
     */
    static void addInto(long[] acc, byte[] seed, String label, int sign, long modulusMask) {
        ChaChaKeystream ks = ChaChaKeystream.ofKey(sha256(label, seed));
        for (int i = 0; i < acc.length; i++) {
            long m = ks.nextLong() & modulusMask;
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
