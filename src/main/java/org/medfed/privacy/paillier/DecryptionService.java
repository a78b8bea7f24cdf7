package org.medfed.privacy.paillier;

/**
 * What the aggregator may ask of the key holder: the plaintexts of an aggregated (summed) encrypted vector. The
 * aggregator holds this interface, never the private key.
 */
@FunctionalInterface
public interface DecryptionService {

    java.math.BigInteger[] decryptSum(EncryptedVector sum);
}
