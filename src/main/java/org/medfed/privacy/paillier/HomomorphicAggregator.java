package org.medfed.privacy.paillier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.BadInputException;

/**
 * The aggregator's whole power under Paillier: it multiplies ciphertexts (which adds the plaintexts) and counts
 * contributors. It holds the public key only.
 */
public final class HomomorphicAggregator {

    private final PaillierPublicKey key;
    private final FixedPointPacking packing;

    public HomomorphicAggregator(PaillierPublicKey key, FixedPointPacking packing) {
        this.key = key;
        this.packing = packing;
    }

    /** The encryption of the sum of the two vectors' plaintexts. */
    public EncryptedVector add(EncryptedVector a, EncryptedVector b) {
        if (a.length() != b.length() || a.ciphertexts().size() != b.ciphertexts().size()) {
            throw new BadInputException("encrypted updates of different lengths (" + a.length() + " and " + b.length()
                    + ") cannot be added");
        }
        int contributors = a.contributors() + b.contributors();
        if (contributors > packing.maxContributors()) {
            throw new BadInputException("adding this update would make " + contributors + " contributions, more than "
                    + "the " + packing.maxContributors() + " the packing leaves headroom for: the packed sums would "
                    + "overflow into each other");
        }
        List<BigInteger> out = new ArrayList<>(a.ciphertexts().size());
        for (int i = 0; i < a.ciphertexts().size(); i++) {
            out.add(key.add(a.ciphertexts().get(i), b.ciphertexts().get(i)));
        }
        return new EncryptedVector(out, a.length(), contributors);
    }

    public EncryptedVector sum(List<EncryptedVector> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("nothing to add");
        }
        EncryptedVector acc = vectors.get(0);
        for (int i = 1; i < vectors.size(); i++) {
            acc = add(acc, vectors.get(i));
        }
        return acc;
    }
}
