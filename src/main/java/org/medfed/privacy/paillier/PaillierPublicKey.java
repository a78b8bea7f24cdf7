package org.medfed.privacy.paillier;

import java.math.BigInteger;
import org.medfed.privacy.random.CryptoRandom;

/**
 * The public half of a Paillier key (Paillier 1999): anyone may encrypt and add ciphertexts, nobody can decrypt.
 * With the generator g = n + 1, encryption is {@code c = (1 + m n) r^n mod n^2} for a random unit r, and the
 * product of two ciphertexts encrypts the sum of their plaintexts modulo n.
 */
public final class PaillierPublicKey {

    private final BigInteger n;
    private final BigInteger nSquared;

    public PaillierPublicKey(BigInteger n) {
        this.n = n;
        this.nSquared = n.multiply(n);
    }

    public BigInteger modulus() {
        return n;
    }

    /** Bits of n, such as 2048. */
    public int bits() {
        return n.bitLength();
    }

    /** Bytes of one ciphertext on the wire (an element of Z_(n^2)). */
    public int ciphertextBytes() {
        return (nSquared.bitLength() + 7) / 8;
    }

    /** Encrypts {@code m} in [0, n). */
    public BigInteger encrypt(BigInteger m, CryptoRandom random) {
        if (m.signum() < 0 || m.compareTo(n) >= 0) {
            throw new IllegalArgumentException("a Paillier plaintext must lie in [0, n)");
        }
        return encrypt(m, randomUnit(random));
    }

    /** Encryption with a given unit r (known-answer tests). */
    BigInteger encrypt(BigInteger m, BigInteger r) {
        // (1 + n)^m = 1 + m n (mod n^2): no exponentiation for the message part
        BigInteger gm = BigInteger.ONE.add(m.multiply(n)).mod(nSquared);
        return gm.multiply(r.modPow(n, nSquared)).mod(nSquared);
    }

    /** A ciphertext of the sum of the two plaintexts. */
    public BigInteger add(BigInteger c1, BigInteger c2) {
        return c1.multiply(c2).mod(nSquared);
    }

    /** Uniform in Z*_n, by rejection. */
    private BigInteger randomUnit(CryptoRandom random) {
        byte[] b = new byte[(n.bitLength() + 7) / 8];
        int excess = b.length * 8 - n.bitLength();
        while (true) {
            random.nextBytes(b);
            b[0] &= (byte) (0xff >>> excess);
            BigInteger r = new BigInteger(1, b);
            if (r.signum() > 0 && r.compareTo(n) < 0 && r.gcd(n).equals(BigInteger.ONE)) {
                return r;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaillierPublicKey k && k.n.equals(n);
    }

    @Override
    public int hashCode() {
        return n.hashCode();
    }
}
