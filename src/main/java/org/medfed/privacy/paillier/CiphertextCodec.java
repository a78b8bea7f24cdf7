package org.medfed.privacy.paillier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.ModelVector;

/**
 * Ciphertexts carried in the engine's float vectors: each ciphertext as fixed-width big-endian bytes, every two
 * bytes one float holding an integer in [0, 65535] (exact in a float). A stop-gap until the engine's fit answer
 * can carry bytes; the byte counts reported are those of the ciphertexts, not of this carrier.
 */
final class CiphertextCodec {

    private CiphertextCodec() {
    }

    static ModelVector toVector(List<BigInteger> ciphertexts, int bytesEach) {
        int chunks = (bytesEach + 1) / 2;
        float[] out = new float[ciphertexts.size() * chunks];
        int k = 0;
        for (BigInteger c : ciphertexts) {
            byte[] b = fixed(c, chunks * 2);
            for (int i = 0; i < chunks; i++) {
                out[k++] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
            }
        }
        return ModelVector.wrap(out);
    }

    static List<BigInteger> fromVector(ModelVector v, int bytesEach) {
        int chunks = (bytesEach + 1) / 2;
        if (v.size() % chunks != 0) {
            throw new IllegalArgumentException("not a whole number of ciphertexts");
        }
        List<BigInteger> out = new ArrayList<>(v.size() / chunks);
        byte[] b = new byte[chunks * 2];
        for (int start = 0; start < v.size(); start += chunks) {
            for (int i = 0; i < chunks; i++) {
                float f = v.get(start + i);
                int x = (int) f;
                if (x != f || x < 0 || x > 0xffff) {
                    throw new IllegalArgumentException("not a ciphertext chunk: " + f);
                }
                b[2 * i] = (byte) (x >>> 8);
                b[2 * i + 1] = (byte) x;
            }
            out.add(new BigInteger(1, b));
        }
        return out;
    }

    private static byte[] fixed(BigInteger v, int length) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
