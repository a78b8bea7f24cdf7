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
        // half a step, plus 8 ulps of the range for the double arithmetic
        assertThat(q.maxErrorPerValue()).isEqualTo(2.0 / (2 * 3276) + 8 * Math.ulp(2.0));
        CryptoRandom r = RandomSource.seeded(2).stream("q", 0);
        for (int i = 0; i < 10_000; i++) {
            double x = (r.nextDouble() * 2 - 1) * 2.0;
            assertThat(q.decode(q.encode(x))).isCloseTo(x, within(q.maxErrorPerValue()));
        }
        assertThat(q.decode(q.encode(-1.5))).isCloseTo(-1.5, within(q.maxErrorPerValue()));
    }

    @Test
    void sumsOfTheExtremeValuesOfNContributorsDoNotOverflowButMoreWouldWrap() {
        int bits = 12;
        int n = 7;
        Quantizer q = new Quantizer(bits, 1.0, n);
        long mask = (1L << bits) - 1;
        long top = 0;
        long bottom = 0;
        for (int i = 0; i < n; i++) {
            top = (top + q.encode(1.0)) & mask;
            bottom = (bottom + q.encode(-1.0)) & mask;
        }
        assertThat(q.decode(top)).isCloseTo(n * 1.0, within(1e-12));
        assertThat(q.decode(bottom)).isCloseTo(-n * 1.0, within(1e-12));
        // an 8th contributor (more than the bound was made for) wraps around: the sum turns negative
        long eighth = (top + q.encode(1.0)) & mask;
        assertThat(q.decode(eighth)).isNegative();
        assertThat(q.clips(1.0)).isFalse();
        assertThat(q.clips(1.0001)).isTrue();
        assertThat(q.decode(q.encode(5.0))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void thirtyTwoBitsNoLongerNeedIntOverflow() {
        Quantizer q = new Quantizer(32, 1.0, 1000);
        long mask = 0xFFFF_FFFFL;
        long sum = 0;
        for (int i = 0; i < 1000; i++) {
            long e = q.encode(-0.75);
            assertThat(e).isBetween(0L, mask);
            sum = (sum + e) & mask;
        }
        assertThat(q.decode(sum)).isCloseTo(-750, within(1000 * q.maxErrorPerValue()));
    }

    @Test
    void knownAnswersAt40Bits() {
        // k = 40, n = 5, range 2, by hand:
        //   B = floor((2^39 - 1) / 5) = floor(549755813887 / 5) = 109951162777 = 0x19_9999_9999
        //   scale = B / 2 = 54975581388.5 (exact in a double)
        Quantizer q = new Quantizer(40, 2.0, 5);
        long twoTo40 = 1_099_511_627_776L;
        assertThat(q.bound()).isEqualTo(109_951_162_777L).isEqualTo(0x19_9999_9999L);
        //   1.0   -> round(54975581388.5)    = 54975581389 (halves round up)
        assertThat(q.encode(1.0)).isEqualTo(54_975_581_389L).isEqualTo(0xC_CCCC_CCCDL);
        //  -1.0   -> round(-54975581388.5)   = -54975581388 -> 2^40 - 54975581388 = 1044536046388
        assertThat(q.encode(-1.0)).isEqualTo(1_044_536_046_388L).isEqualTo(0xF3_3333_3334L);
        //   0.25  -> round(13743895347.125)  = 13743895347
        assertThat(q.encode(0.25)).isEqualTo(13_743_895_347L);
        //  -0.25  -> -13743895347 -> 2^40 - 13743895347 = 1085767732429
        assertThat(q.encode(-0.25)).isEqualTo(1_085_767_732_429L);
        //   0.375 -> round(20615843020.6875) = 20615843021
        assertThat(q.encode(0.375)).isEqualTo(20_615_843_021L);
        //   2.0 -> B, -2.0 -> 2^40 - B = 989560464999, and 5.0 is clipped to 2.0
        assertThat(q.encode(2.0)).isEqualTo(109_951_162_777L);
        assertThat(q.encode(-2.0)).isEqualTo(989_560_464_999L);
        assertThat(q.encode(5.0)).isEqualTo(q.encode(2.0));
        assertThat(q.encode(0.0)).isZero();
        // decoding: 54975581389 / 54975581388.5 = 1 + 1/B = 1 + 9.094947017778913e-12
        assertThat(q.decode(54_975_581_389L)).isEqualTo(1.000000000009095);
        assertThat(q.decode(54_975_581_389L) - 1).isCloseTo(1.0 / 109_951_162_777L, within(1e-22));
        // only the low 40 bits of a sum are read
        assertThat(q.decode(54_975_581_389L + 7 * twoTo40)).isEqualTo(q.decode(54_975_581_389L));
        // five times +2: 5B = 549755813885 = 2^39 - 3, still positive: exactly 10
        long top = 0;
        long bottom = 0;
        for (int i = 0; i < 5; i++) {
            top = (top + q.encode(2.0)) & (twoTo40 - 1);
            bottom = (bottom + q.encode(-2.0)) & (twoTo40 - 1);
        }
        assertThat(top).isEqualTo(549_755_813_885L);
        assertThat(q.decode(top)).isEqualTo(10.0);
        // five times -2: 2^40 - 5B = 549755813891 >= 2^39, read as -5B: exactly -10
        assertThat(bottom).isEqualTo(549_755_813_891L);
        assertThat(q.decode(bottom)).isEqualTo(-10.0);
        // half a step is 1/B; the double arithmetic adds 8 ulps of 2.0
        assertThat(q.maxErrorPerValue()).isEqualTo(1.0 / 109_951_162_777L + 8 * Math.ulp(2.0));
    }

    @Test
    void theBoundAt62BitsIsComputedWithoutOverflow() {
        assertThat(new Quantizer(62, 1.0, 1).bound()).isEqualTo((1L << 61) - 1);
        assertThat(new Quantizer(62, 1.0, 3).bound()).isEqualTo(768_614_336_404_564_650L);
        assertThat(new Quantizer(62, 1.0, Integer.MAX_VALUE).bound()).isEqualTo(((1L << 61) - 1) / Integer.MAX_VALUE);
        assertThatThrownBy(() -> new Quantizer(63, 1.0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSumOfNValuesAtTheBoundDoesNotOverflowAt62Bits() {
        long mask = (1L << 62) - 1;
        int roundedPastTheBound = 0;
        // at 62 bits B (about 2^61 / n) is not exact in a double: x * B / range lands within a few hundred of B,
        // on either side; one above B must be brought back to B, or n of them would overflow
        for (double range : new double[] {1.0, 0.3, 1e-3, Math.nextDown(2.0), 3.0, 1234.5678}) {
            for (int n : new int[] {1, 2, 3, 7, 1000, 1_000_000}) {
                Quantizer q = new Quantizer(62, range, n);
                long b = q.bound();
                long up = q.encode(range);
                long down = q.encode(-range) - (1L << 62); // as a signed number
                assertThat(up).as("range %s, n %d", range, n).isLessThanOrEqualTo(b).isGreaterThan(b - 1024);
                assertThat(down).as("range %s, n %d", range, n).isGreaterThanOrEqualTo(-b).isLessThan(-b + 1024);
                assertThat(q.encode(Double.MAX_VALUE)).isEqualTo(up);
                if (Math.round(range * (b / range)) > b) {
                    roundedPastTheBound++;
                    assertThat(up).isEqualTo(b);
                }
                long top = 0;
                long bottom = 0;
                int added = Math.min(n, 1000);
                for (int i = 0; i < added; i++) {
                    top = (top + q.encode(range)) & mask;
                    bottom = (bottom + q.encode(-range)) & mask;
                }
                if (n > added) {
                    // the rest in one step (long products wrap modulo 2^64, a multiple of 2^62)
                    top = (top + (n - (long) added) * q.encode(range)) & mask;
                    bottom = (bottom + (n - (long) added) * q.encode(-range)) & mask;
                    added = n;
                }
                // n values of at most B sum to at most 2^61 - 1: the signed 62-bit reading is the integer sum itself
                assertThat(top).isEqualTo(added * up).isLessThanOrEqualTo(added * b)
                        .isLessThanOrEqualTo((1L << 61) - 1);
                assertThat(bottom).isEqualTo((1L << 62) + added * down);
                assertThat(q.decode(top)).isPositive().isCloseTo(n * range, within(n * q.maxErrorPerValue()));
                assertThat(q.decode(bottom)).isNegative().isCloseTo(-n * range, within(n * q.maxErrorPerValue()));
                // one contributor more than the bound was made for wraps around
                assertThat(q.decode((top + q.encode(range)) & mask)).isNegative();
            }
        }
        // the grid does exercise the clamp
        assertThat(roundedPastTheBound).isPositive();
    }

    @Test
    void theErrorBoundHoldsAtEveryWidthUpTo62Bits() {
        CryptoRandom r = RandomSource.seeded(3).stream("q", 0);
        int n = 3;
        for (int bits : new int[] {24, 32, 40, 48, 53, 54, 56, 60, 62}) {
            for (double range : new double[] {1.0, 0.3, Math.nextDown(2.0), 1234.5678}) {
                Quantizer q = new Quantizer(bits, range, n);
                long mask = (1L << bits) - 1;
                // the largest error seen, as a fraction of the bound: of one value, and of a sum of n
                double worstValue = 0;
                double worstSum = 0;
                for (int trial = 0; trial < 5000; trial++) {
                    long sum = 0;
                    double exact = 0;
                    for (int j = 0; j < n; j++) {
                        double x = trial == 0 ? range : trial == 1 ? -range : (r.nextDouble() * 2 - 1) * range;
                        worstValue = Math.max(worstValue, Math.abs(q.decode(q.encode(x)) - x) / q.maxErrorPerValue());
                        sum = (sum + q.encode(x)) & mask;
                        exact += x;
                    }
                    // (the double sum of the x is itself rounded: two ulps for that)
                    double sumBound = n * q.maxErrorPerValue() + 2 * Math.ulp(n * range);
                    worstSum = Math.max(worstSum, Math.abs(q.decode(sum) - exact) / sumBound);
                }
                assertThat(worstValue).as("%d bits, range %s", bits, range).isLessThanOrEqualTo(1.0);
                assertThat(worstSum).as("%d bits, range %s", bits, range).isLessThanOrEqualTo(1.0);
            }
        }
    }

    @Test
    void parametersAcceptEightTo62BitsAndDefaultTo32() {
        assertThat(SecAggParameters.of(1.0).bits()).isEqualTo(32);
        assertThat(SecAggParameters.of(1.0).modulusMask()).isEqualTo(0xFFFF_FFFFL);
        assertThat(SecAggParameters.of(1.0).withBits(62).modulusMask()).isEqualTo(Long.MAX_VALUE >>> 1);
        assertThat(SecAggParameters.of(1.0).withBits(8).modulusMask()).isEqualTo(0xFFL);
        assertThatThrownBy(() -> SecAggParameters.of(1.0).withBits(63)).isInstanceOf(BadInputException.class)
                .hasMessage("secure aggregation needs between 8 and 62 bits per value, was 63");
        assertThatThrownBy(() -> SecAggParameters.of(1.0).withBits(7)).isInstanceOf(BadInputException.class);
    }

    @Test
    void tooFewBitsForTheParticipantsAreRefused() {
        assertThatThrownBy(() -> new Quantizer(8, 1.0, 200)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("200 participants");
    }
}
