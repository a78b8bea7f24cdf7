package org.medfed.privacy.paillier;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.medfed.engine.BadInputException;

/**
 * The party that holds the Paillier private key: a hospital chosen for the role, or a trusted third party, but
 * never the aggregator. It publishes the public key and decrypts only sums of at least {@code minContributors}
 * participants' vectors.
 *
 * <p>The contributor count comes from the aggregator, so the rule is a policy against an honest-but-curious
 * aggregator, not a cryptographic guarantee: an aggregator that lies about the count, or colludes with the key
 * holder, can learn one hospital's update. Decryption uses the Chinese remainder theorem over p^2 and q^2.
 */
public final class PaillierKeyHolder implements DecryptionService {

    /** The default modulus size. */
    public static final int DEFAULT_BITS = 2048;

    private final PaillierPublicKey publicKey;
    private final int minContributors;
    // the private key: p, q and the CRT constants; no getter exists
    private final BigInteger p;
    private final BigInteger q;
    private final BigInteger pSquared;
    private final BigInteger qSquared;
    private final BigInteger hp;
    private final BigInteger hq;
    private final BigInteger qInverseModP;

    private PaillierKeyHolder(BigInteger p, BigInteger q, int minContributors) {
        this.p = p;
        this.q = q;
        BigInteger n = p.multiply(q);
        this.publicKey = new PaillierPublicKey(n);
        this.minContributors = minContributors;
        this.pSquared = p.multiply(p);
        this.qSquared = q.multiply(q);
        BigInteger g = n.add(BigInteger.ONE);
        this.hp = lFunction(g.modPow(p.subtract(BigInteger.ONE), pSquared), p).modInverse(p);
        this.hq = lFunction(g.modPow(q.subtract(BigInteger.ONE), qSquared), q).modInverse(q);
        this.qInverseModP = q.modInverse(p);
    }

    /**
     * A new key pair with a modulus of exactly {@code bits} bits, from two primes of {@code bits / 2} bits.
     *
     * @param random SecureRandom in real studies ({@code RandomSource.secureRandom} gives a seeded one in tests)
     */
    public static PaillierKeyHolder generate(int bits, int minContributors, SecureRandom random) {
        if (bits < 256 || bits % 2 != 0) {
            throw new BadInputException("the Paillier modulus must have an even number of bits, at least 256, was "
                    + bits + " (2048 is the default; less is only for tests)");
        }
        if (minContributors < 1) {
            throw new BadInputException("the key holder must require at least one contributor");
        }
        while (true) {
            BigInteger p = BigInteger.probablePrime(bits / 2, random);
            BigInteger q = BigInteger.probablePrime(bits / 2, random);
            if (p.equals(q)) {
                continue;
            }
            BigInteger n = p.multiply(q);
            if (n.bitLength() != bits) {
                continue;
            }
            // with primes of equal length gcd(n, (p-1)(q-1)) = 1 always holds; checked anyway
            if (!n.gcd(p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE))).equals(BigInteger.ONE)) {
                continue;
            }
            return new PaillierKeyHolder(p, q, minContributors);
        }
    }

    /** A key holder from given primes: for known-answer tests with textbook-sized numbers only. */
    static PaillierKeyHolder fromPrimes(BigInteger p, BigInteger q, int minContributors) {
        return new PaillierKeyHolder(p, q, minContributors);
    }

    public PaillierPublicKey publicKey() {
        return publicKey;
    }

    public int minContributors() {
        return minContributors;
    }

    @Override
    public BigInteger[] decryptSum(EncryptedVector sum) {
        if (sum.contributors() < minContributors) {
            throw new BadInputException("the key holder decrypts only sums of at least " + minContributors
                    + " participants; this one has " + sum.contributors());
        }
        BigInteger[] out = new BigInteger[sum.ciphertexts().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = decrypt(sum.ciphertexts().get(i));
        }
        return out;
    }

    /** m = L(c^lambda mod n^2) mu mod n, computed modulo p^2 and q^2 and recombined. */
    BigInteger decrypt(BigInteger c) {
        BigInteger mp = lFunction(c.mod(pSquared).modPow(p.subtract(BigInteger.ONE), pSquared), p).multiply(hp).mod(p);
        BigInteger mq = lFunction(c.mod(qSquared).modPow(q.subtract(BigInteger.ONE), qSquared), q).multiply(hq).mod(q);
        // m = mq + q * ((mp - mq) q^-1 mod p)
        BigInteger h = mp.subtract(mq).multiply(qInverseModP).mod(p);
        return mq.add(h.multiply(q));
    }

    private static BigInteger lFunction(BigInteger x, BigInteger modulus) {
        return x.subtract(BigInteger.ONE).divide(modulus);
    }
}
