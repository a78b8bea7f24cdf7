package org.medfed.privacy.secagg;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
            // Horner's rule in the integers, reduced once at the end: the value grows by log2(x) bits per step
            // (a few hundred bits at most), which costs far less than a division by p at every step
            BigInteger y = BigInteger.ZERO;
            for (int i = threshold - 1; i >= 0; i--) {
                y = y.multiply(bx).add(coefficients[i]);
            }
            shares.add(new Share(x, y.mod(PRIME)));
        }
        return shares;
    }

    /** The secret from at least {@code threshold} distinct shares (the first {@code threshold} are used). */
    static byte[] reconstruct(List<Share> shares, int threshold, int secretBytes) {
        return reconstruct(shares, threshold, secretBytes, new HashMap<>());
    }

    /**
     * As {@link #reconstruct(List, int, int)}, reusing Lagrange weights cached by the x coordinates used: when many
     * secrets are rebuilt from the same helpers (the aggregator's unmasking step) the O(t^2) weights are computed
     * once and each secret costs t multiplications.
     */
    static byte[] reconstruct(List<Share> shares, int threshold, int secretBytes,
                              Map<List<Integer>, BigInteger[]> weightCache) {
        if (shares.size() < threshold) {
            throw new IllegalArgumentException(shares.size() + " shares, " + threshold + " needed");
        }
        List<Share> used = shares.subList(0, threshold);
        List<Integer> xs = new ArrayList<>(threshold);
        for (Share s : used) {
            xs.add(s.x());
        }
        BigInteger[] weights = weightCache.computeIfAbsent(List.copyOf(xs), Shamir::lagrangeWeightsAtZero);
        BigInteger secret = BigInteger.ZERO;
        for (int i = 0; i < threshold; i++) {
            secret = secret.add(used.get(i).y().multiply(weights[i]));
        }
        secret = secret.mod(PRIME);
        if (secret.bitLength() > secretBytes * 8) {
            throw new IllegalStateException("the shares do not belong to one secret");
        }
        return toFixedBytes(secret, secretBytes);
    }

    /** w_i = prod_{j != i} x_j / (x_j - x_i) mod p, so that f(0) = sum_i w_i f(x_i). */
    static BigInteger[] lagrangeWeightsAtZero(List<Integer> xs) {
        Set<Integer> distinct = new HashSet<>(xs);
        if (distinct.size() != xs.size()) {
            throw new IllegalArgumentException("two shares at the same x: " + xs);
        }
        BigInteger[] w = new BigInteger[xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            BigInteger num = BigInteger.ONE;
            BigInteger den = BigInteger.ONE;
            for (int j = 0; j < xs.size(); j++) {
                if (j != i) {
                    num = num.multiply(BigInteger.valueOf(xs.get(j))).mod(PRIME);
                    den = den.multiply(BigInteger.valueOf(xs.get(j) - xs.get(i))).mod(PRIME);
                }
            }
            w[i] = num.multiply(den.modInverse(PRIME)).mod(PRIME);
        }
        return w;
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
