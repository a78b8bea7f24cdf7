package org.medfed.privacy.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;
import org.medfed.privacy.random.CryptoRandom;
import org.medfed.privacy.random.RandomSource;

class ShamirAndQuantizerTest {

    @Test
    void fieldIsThePrimeJustAbove2To256() {
        assertThat(Shamir.PRIME.isProbablePrime(128)).isTrue();
        assertThat(Shamir.PRIME.subtract(BigInteger.ONE.shiftLeft(256)).intValue()).isEqualTo(297);
        // no prime between 2^256 and 2^256 + 297
        for (int c = 1; c < 297; c++) {
            assertThat(BigInteger.ONE.shiftLeft(256).add(BigInteger.valueOf(c)).isProbablePrime(40)).isFalse();
        }
    }

    @Test
    void anyThresholdSubsetRebuildsTheSecretAndFewerDoNot() {
        CryptoRandom r = RandomSource.seeded(1).stream("shamir", 0);
        byte[] secret = new byte[32];
        r.nextBytes(secret);
        secret[0] = (byte) 0xff; // a secret with the top bit set still fits the field
        List<Shamir.Share> shares = Shamir.split(secret, 4, 7, r);
        for (int trial = 0; trial < 20; trial++) {
            List<Shamir.Share> shuffled = new ArrayList<>(shares);
            Collections.shuffle(shuffled, new java.util.Random(trial));
            assertThat(Shamir.reconstruct(shuffled.subList(0, 4), 4, 32)).isEqualTo(secret);
        }
        // three points of a degree-3 polynomial interpolate some other constant term
        List<Shamir.Share> three = shares.subList(0, 3);
        byte[] wrong;
        try {
            wrong = Shamir.reconstruct(three, 3, 32);
        } catch (IllegalStateException e) {
            wrong = null; // landed above 2^256: also not the secret
        }
        assertThat(wrong).isNotEqualTo(secret);
    }

    @Test
    void handComputedSharesOfASmallPolynomial() {
        // f(x) = 5 + 0 * x fails to hide; with a degree-1 polynomial the shares lie on a line through the secret:
        // reconstructing from (1, f(1)) and (2, f(2)) must give f(0). Check the Lagrange weights by hand:
        // f(0) = 2 f(1) - f(2).
        Shamir.Share a = new Shamir.Share(1, BigInteger.valueOf(12));
        Shamir.Share b = new Shamir.Share(2, BigInteger.valueOf(19));
        byte[] secret = Shamir.reconstruct(List.of(a, b), 2, 32);
        assertThat(new BigInteger(1, secret)).isEqualTo(BigInteger.valueOf(5));
    }

    @Test
    void quantisationErrorIsAtMostHalfAStep() {
        Quantizer q = new Quantizer(16, 2.0, 10);
        // B = floor((2^15 - 1) / 10) = 3276
        assertThat(q.bound()).isEqualTo(3276);
        assertThat(q.maxErrorPerValue()).isCloseTo(2.0 / (2 * 3276), within(1e-15));
        CryptoRandom r = RandomSource.seeded(2).stream("q", 0);
        for (int i = 0; i < 10_000; i++) {
            double x = (r.nextDouble() * 2 - 1) * 2.0;
            assertThat(q.decode(q.encode(x))).isCloseTo(x, within(q.maxErrorPerValue() + 1e-12));
        }
        assertThat(q.decode(q.encode(-1.5))).isCloseTo(-1.5, within(q.maxErrorPerValue()));
    }

    @Test
    void sumsOfTheExtremeValuesOfNContributorsDoNotOverflowButMoreWouldWrap() {
        int bits = 12;
        int n = 7;
        Quantizer q = new Quantizer(bits, 1.0, n);
        int mask = (1 << bits) - 1;
        int top = 0;
        int bottom = 0;
        for (int i = 0; i < n; i++) {
            top = (top + q.encode(1.0)) & mask;
            bottom = (bottom + q.encode(-1.0)) & mask;
        }
        assertThat(q.decode(top)).isCloseTo(n * 1.0, within(1e-12));
        assertThat(q.decode(bottom)).isCloseTo(-n * 1.0, within(1e-12));
        // an 8th contributor (more than the bound was made for) wraps around: the sum turns negative
        int eighth = (top + q.encode(1.0)) & mask;
        assertThat(q.decode(eighth)).isNegative();
        assertThat(q.clips(1.0)).isFalse();
        assertThat(q.clips(1.0001)).isTrue();
        assertThat(q.decode(q.encode(5.0))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void thirtyTwoBitArithmeticUsesTheWholeInt() {
        Quantizer q = new Quantizer(32, 1.0, 1000);
        int sum = 0;
        for (int i = 0; i < 1000; i++) {
            sum += q.encode(-0.75);
        }
        assertThat(q.decode(sum)).isCloseTo(-750, within(1000 * q.maxErrorPerValue()));
    }

    @Test
    void tooFewBitsForTheParticipantsAreRefused() {
        assertThatThrownBy(() -> new Quantizer(8, 1.0, 200)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("200 participants");
    }
}
