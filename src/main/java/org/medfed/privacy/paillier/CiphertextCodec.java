package org.medfed.privacy.paillier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.BadInputException;

/**
 * Ciphertexts as one byte block: each ciphertext as fixed-width big-endian bytes, one after the other, so that
 * the block's size is exactly what the ciphertexts take.
 */
final class CiphertextCodec {

    private CiphertextCodec() {
    }

    static byte[] toBytes(List<BigInteger> ciphertexts, int bytesEach) {
        byte[] out = new byte[ciphertexts.size() * bytesEach];
        int k = 0;
        for (BigInteger c : ciphertexts) {
            byte[] raw = c.toByteArray();
            int copy = Math.min(raw.length, bytesEach);
            if (raw.length > bytesEach && !(raw.length == bytesEach + 1 && raw[0] == 0)) {
                throw new IllegalArgumentException("a ciphertext is longer than " + bytesEach + " bytes");
            }
            System.arraycopy(raw, raw.length - copy, out, k + bytesEach - copy, copy);
            k += bytesEach;
        }
        return out;
    }

    static List<BigInteger> fromBytes(byte[] block, int bytesEach) {
        if (block.length % bytesEach != 0) {
            throw new BadInputException("an encrypted update of " + block.length + " bytes is not a whole number of "
                    + bytesEach + "-byte ciphertexts");
        }
        List<BigInteger> out = new ArrayList<>(block.length / bytesEach);
        for (int start = 0; start < block.length; start += bytesEach) {
            byte[] one = new byte[bytesEach];
            System.arraycopy(block, start, one, 0, bytesEach);
            out.add(new BigInteger(1, one));
        }
        return out;
    }
}
