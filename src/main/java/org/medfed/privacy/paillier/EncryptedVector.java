package org.medfed.privacy.paillier;

import java.math.BigInteger;
import java.util.List;

/**
 * Paillier ciphertexts of a packed vector, and how many participants' vectors have been added into it.
 *
 * @param ciphertexts  one per plaintext block
 * @param length       how many real values the blocks pack
 * @param contributors how many participants' encryptions were multiplied together
 */
public record EncryptedVector(List<BigInteger> ciphertexts, int length, int contributors) {

    public EncryptedVector {
        ciphertexts = List.copyOf(ciphertexts);
    }

    /** Bytes on the wire with {@code bytesPerCiphertext}. */
    public long wireBytes(int bytesPerCiphertext) {
        return (long) ciphertexts.size() * bytesPerCiphertext;
    }
}
