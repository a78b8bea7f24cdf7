package org.medfed.privacy.secagg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudorandom generator of the protocol: a 32-byte seed (a pairwise X25519 secret or a self-mask seed)
 * expanded into a vector of k-bit integers (k at most {@value SecAggParameters#MAX_BITS}, in {@code long}s) with the
 * AES-256 keystream in counter mode (the JDK's {@code AES/CTR/NoPadding}, counter block starting at zero). The AES
 * key is SHA-256 of a label and the seed, so the pairwise and self masks never share a stream, and each key
 * produces one stream only.
 *
 * <p>For k up to 32, mask value i is keystream bytes 4i to 4i + 3 read as one little-endian 32-bit number; for
 * larger k, bytes 8i to 8i + 7 as a 64-bit number; either with all but its low k bits cleared. Since 2^k divides
 * 2^32 (2^64), the low k bits of a uniform 32-bit (64-bit) value are uniform modulo 2^k: no rejection is needed,
 * and no more keystream is made than the values need (half as much at 32 bits and below, the usual widths).
 *
 * <p>Why AES-CTR: a hospital expands one mask per other participant over the whole update (64 hospitals x 100,000
 * parameters: 51 MB of keystream per hospital and round). The JDK 17 ChaCha20 cipher is plain Java (about 0.6 GB/s
 * here); AES-CTR runs on the processor's AES instructions through a HotSpot intrinsic (tens of GB/s). Both are
 * standard PRGs for this purpose (Bonawitz et al. name AES in counter mode).
 */
final class MaskGenerator {

    /**
     * Values per chunk: the accumulator's slice and the keystream of one mask (8 KB at most each) stay in the L1 cache
     * while every mask of a participant is added to it. Adding one whole mask after another instead streamed the
     * 800 KB accumulator of a 100,000-parameter update through memory once per mask, which took four times as
     * long as the AES keystream itself.
     */
    private static final int CHUNK = 1024;
    private static final byte[] ZEROS = new byte[CHUNK * Long.BYTES];
    /** The widest k whose values are cut from 32-bit words of the keystream. */
    static final int NARROW_BITS = 32;

    /** One mask: PRG(seed) under a label, added ({@code +1}) or taken away ({@code -1}). */
    record Mask(byte[] seed, String label, int sign) {
        Mask {
            if (sign != 1 && sign != -1) {
                throw new IllegalArgumentException("a mask is added (+1) or taken away (-1), not " + sign);
            }
        }
    }

    private MaskGenerator() {
    }

    /** The mask PRG(seed) itself: {@code length} values in [0, 2^k). */
    static long[] expand(byte[] seed, String label, int length, long modulusMask) {
        long[] out = new long[length];
        addInto(out, seed, label, +1, modulusMask);
        return out;
    }

    /** {@code acc += sign * PRG(seed)} modulo 2^k: {@link #addInto(long[], List, long)} with one mask. */
    static void addInto(long[] acc, byte[] seed, String label, int sign, long modulusMask) {
        addInto(acc, List.of(new Mask(seed, label, sign)), modulusMask);
    }

    /**
     * {@code acc += sum of sign * PRG(seed)} modulo 2^k over the masks, without keeping an expanded mask; the
     * entries of {@code acc} are in [0, 2^k) on return. (For entries already in [0, 2^k), k at most 62, the sum and
     * the difference never leave the range of a long; even if they did, long arithmetic wraps modulo 2^64, a
     * multiple of 2^k, so masking the unreduced mask value after the addition gives the same bits as masking it
     * before.) Sums modulo 2^k are exact, so the order in which masks are added does not change a bit.
     */
    static void addInto(long[] acc, List<Mask> masks, long modulusMask) {
        Cipher[] streams = new Cipher[masks.size()];
        int[] signs = new int[masks.size()];
        for (int j = 0; j < streams.length; j++) {
            Mask m = masks.get(j);
            streams[j] = keystream(sha256(m.label(), m.seed()));
            signs[j] = m.sign();
        }
        if (Long.bitCount(modulusMask) <= NARROW_BITS) {
            addNarrow(acc, streams, signs, modulusMask);
        } else {
            addWide(acc, streams, signs, modulusMask);
        }
    }

    /**
     * k up to 32: each chunk of the accumulator is summed as ints, which wrap modulo 2^32, a multiple of 2^k, and cut
     * to k bits once at the end; int lanes are twice as many per vector instruction as long ones.
     */
    private static void addNarrow(long[] acc, Cipher[] streams, int[] signs, long modulusMask) {
        byte[] bytes = new byte[CHUNK * Integer.BYTES];
        IntBuffer ints = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        int[] words = new int[CHUNK];
        int[] sum = new int[CHUNK];
        for (int off = 0; off < acc.length; off += CHUNK) {
            int len = Math.min(CHUNK, acc.length - off);
            for (int i = 0; i < len; i++) {
                sum[i] = (int) acc[off + i];
            }
            for (int j = 0; j < streams.length; j++) {
                keystream(streams[j], bytes, len * Integer.BYTES);
                ints.get(0, words, 0, len);
                // whole-array loops without branches, which C2 vectorises
                if (signs[j] > 0) {
                    for (int i = 0; i < len; i++) {
                        sum[i] += words[i];
                    }
                } else {
                    for (int i = 0; i < len; i++) {
                        sum[i] -= words[i];
                    }
                }
            }
            for (int i = 0; i < len; i++) {
                acc[off + i] = sum[i] & modulusMask;
            }
        }
    }

    private static void addWide(long[] acc, Cipher[] streams, int[] signs, long modulusMask) {
        byte[] bytes = new byte[CHUNK * Long.BYTES];
        LongBuffer longs = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        long[] m = new long[CHUNK];
        for (int off = 0; off < acc.length; off += CHUNK) {
            int len = Math.min(CHUNK, acc.length - off);
            for (int j = 0; j < streams.length; j++) {
                keystream(streams[j], bytes, len * Long.BYTES);
                longs.get(0, m, 0, len);
                if (signs[j] > 0) {
                    for (int i = 0; i < len; i++) {
                        acc[off + i] = (acc[off + i] + m[i]) & modulusMask;
                    }
                } else {
                    for (int i = 0; i < len; i++) {
                        acc[off + i] = (acc[off + i] - m[i]) & modulusMask;
                    }
                }
            }
        }
    }

    /** The next {@code length} bytes of a keystream into {@code into}. */
    private static void keystream(Cipher stream, byte[] into, int length) {
        try {
            int n = stream.update(ZEROS, 0, length, into, 0);
            if (n != length) {
                throw new IllegalStateException("AES-CTR returned " + n + " bytes, not " + length);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR keystream failed", e);
        }
    }

    /** AES-256-CTR with the counter block starting at zero: encrypting zeros yields the keystream. */
    static Cipher keystream(byte[] key) {
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            return aes;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no AES in counter mode", e);
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
