package org.medfed.privacy.paillier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.medfed.privacy.random.CryptoRandom;

/** A participant's side: packs and encrypts its vector with the published key. */
public final class PaillierEncryptor {

    private final PaillierPublicKey key;
    private final FixedPointPacking packing;

    public PaillierEncryptor(PaillierPublicKey key, FixedPointPacking packing) {
        this.key = key;
        this.packing = packing;
    }

    public EncryptedVector encrypt(double[] values, CryptoRandom random) {
        BigInteger[] plain = packing.encode(values);
        List<BigInteger> out = new ArrayList<>(plain.length);
        for (BigInteger m : plain) {
            out.add(key.encrypt(m, random));
        }
        return new EncryptedVector(out, values.length, 1);
    }
}
