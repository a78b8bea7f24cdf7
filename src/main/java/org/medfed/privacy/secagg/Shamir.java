package org.medfed.privacy.secagg;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.medfed.privacy.random.CryptoRandom;

/**
 * Shamir's t-of-n secret sharing (1979) of 32-byte secrets over the prime field Z_p with p = 2^256 + 297, the
 * smallest prime above 2^256 (so every 32-byte secret is a field element). A random polynomial of degree t-1
 * with the secret as constant term is evaluated at x = 1..n; any t points give it back by Lagrange
 * interpolation at 0, fewer reveal nothing.
 */
final class Shamir {

    static final BigInteger PRIME = BigInteger.ONE.shiftLeft(256).add(BigInteger.valueOf(297));
    /** Bytes of a field element on the wire. */
    static final int ELEMENT_BYTES = 33;

    private Shamir() {
    }

    /** One point of the polynomial. */
    record Share(int x, BigInteger y) {
    }

    static List<Share> split(byte[] secret, int threshold, int n, CryptoRandom random) {
        if (threshold < 1 || threshold > n) {
            throw new IllegalArgumentException("threshold " + threshold + " of " + n);
        }
        BigInteger[] coefficients = new BigInteger[threshold];
        coefficients[0] = new BigInteger(1, secret);
        if (coefficients[0].compareTo(PRIME) >= 0) {
            throw new IllegalArgumentException("secret does not fit the field");
        }
        for (int i = 1; i < threshold; i++) {
            coefficients[i] = uniformElement(random);
        }
        List<Share> shares = new ArrayList<>(n);
        for (int x = 1; x <= n; x++) {
            BigInteger bx = BigInteger.valueOf(x);
            BigInteger y = BigInteger.ZERO;
            for (int i = threshold - 1; i >= 0; i--) {
                y = y.multiply(bx).add(coefficients[i]).mod(PRIME);
            }
            shares.add(new Share(x, y));
        }
        return shares;
    }

    /** The secret from at least {@code threshold} distinct shares (the first {@code threshold} are used). */
    static byte[] reconstruct(List<Share> shares, int threshold, int secretBytes) {
        if (shares.size() < threshold) {
            throw new IllegalArgumentException(shares.size() + " shares, " + threshold + " needed");
        }
        List<Share> used = shares.subList(0, threshold);
        Set<Integer> xs = new HashSet<>();
        for (Share s : used) {
            if (!xs.add(s.x())) {
                throw new IllegalArgumentException("two shares at x = " + s.x());
            }
        }
        BigInteger secret = BigInteger.ZERO;
        for (Share i : used) {
            // Lagrange basis at 0: prod_{j != i} x_j / (x_j - x_i)
            BigInteger num = BigInteger.ONE;
            BigInteger den = BigInteger.ONE;
            for (Share j : used) {
                if (j != i) {
                    num = num.multiply(BigInteger.valueOf(j.x())).mod(PRIME);
                    den = den.multiply(BigInteger.valueOf(j.x() - i.x())).mod(PRIME);
                }
            }
            secret = secret.add(i.y().multiply(num).multiply(den.modInverse(PRIME))).mod(PRIME);
        }
        if (secret.bitLength() > secretBytes * 8) {
            throw new IllegalStateException("the shares do not belong to one secret");
        }
        return toFixedBytes(secret, secretBytes);
    }

    /** Uniform in [0, p) by rejection from 257 random bits. */
    private static BigInteger uniformElement(CryptoRandom random) {
        byte[] b = new byte[ELEMENT_BYTES];
        while (true) {
            random.nextBytes(b);
            b[0] &= 0x01;
            BigInteger v = new BigInteger(1, b);
            if (v.compareTo(PRIME) < 0) {
                return v;
            }
        }
    }

    static byte[] toFixedBytes(BigInteger v, int length) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        if (raw.length > length && raw[0] != 0) {
            throw new IllegalArgumentException("value needs more than " + length + " bytes");
        }
        return out;
    }
}
