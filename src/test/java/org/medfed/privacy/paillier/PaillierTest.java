package org.medfed.privacy.paillier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.Field;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;
import org.medfed.privacy.random.CryptoRandom;
import org.medfed.privacy.random.RandomSource;

class PaillierTest {

    private static PaillierKeyHolder holder2048;

    @BeforeAll
    static void keys() {
        holder2048 = PaillierKeyHolder.generate(2048, 2,
                RandomSource.seeded(1).secureRandom("paillier.key", 0));
    }

    @Test
    void textbookKnownAnswer() {
        // p = 7, q = 11, n = 77, g = n + 1, m = 42, r = 23: c = g^m r^n mod n^2 from the definition
        PaillierKeyHolder h = PaillierKeyHolder.fromPrimes(BigInteger.valueOf(7), BigInteger.valueOf(11), 1);
        BigInteger n = BigInteger.valueOf(77);
        BigInteger n2 = n.multiply(n);
        BigInteger expected = n.add(BigInteger.ONE).modPow(BigInteger.valueOf(42), n2)
                .multiply(BigInteger.valueOf(23).modPow(n, n2)).mod(n2);
        BigInteger c = h.publicKey().encrypt(BigInteger.valueOf(42), BigInteger.valueOf(23));
        assertThat(c).isEqualTo(expected);
        assertThat(h.decrypt(c)).isEqualTo(BigInteger.valueOf(42));
        // homomorphic: Enc(42) * Enc(50) decrypts to 92 mod 77 = 15
        BigInteger c2 = h.publicKey().encrypt(BigInteger.valueOf(50), BigInteger.valueOf(13));
        assertThat(h.decrypt(h.publicKey().add(c, c2))).isEqualTo(BigInteger.valueOf(15));
    }

    @Test
    void defaultKeysHave2048BitsAndEncryptionIsRandomised() {
        PaillierPublicKey pk = holder2048.publicKey();
        assertThat(pk.bits()).isEqualTo(2048);
        assertThat(pk.ciphertextBytes()).isEqualTo(512);
        CryptoRandom r = RandomSource.seeded(2).stream("enc", 0);
        BigInteger m = new BigInteger(2000, new java.util.Random(3));
        BigInteger c1 = pk.encrypt(m, r);
        BigInteger c2 = pk.encrypt(m, r);
        assertThat(c1).isNotEqualTo(c2);
        assertThat(holder2048.decrypt(c1)).isEqualTo(m);
        assertThat(holder2048.decrypt(pk.add(c1, c2))).isEqualTo(m.add(m).mod(pk.modulus()));
    }

    @Test
    void packedEncryptedSumEqualsThePlainSumIncludingNegativeValues() {
        FixedPointPacking packing = new FixedPointPacking(20, 1.0, 8, 2048, true);
        PaillierEncryptor enc = new PaillierEncryptor(holder2048.publicKey(), packing);
        HomomorphicAggregator agg = new HomomorphicAggregator(holder2048.publicKey(), packing);
        CryptoRandom r = RandomSource.seeded(4).stream("values", 0);
        int length = 300;
        double[] plain = new double[length];
        List<EncryptedVector> parts = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            double[] v = new double[length];
            for (int i = 0; i < length; i++) {
                v[i] = r.nextDouble() * 2 - 1;
                plain[i] += v[i];
            }
            parts.add(enc.encrypt(v, r));
        }
        EncryptedVector sum = agg.sum(parts);
        assertThat(sum.contributors()).isEqualTo(6);
        double[] decoded = packing.decode(holder2048.decryptSum(sum), length, 6);
        for (int i = 0; i < length; i++) {
            assertThat(decoded[i]).isCloseTo(plain[i], within(6 * packing.resolution()));
        }
        assertThat(java.util.Arrays.stream(plain).min().orElseThrow()).isNegative();
    }

    @Test
    void slotLayoutByHand() {
        // f = 16, range 1, N = 10: R = 2^16, largest sum 2 R N = 1 310 720 needs 21 bits; 2047 / 21 = 97 slots
        FixedPointPacking packing = new FixedPointPacking(16, 1.0, 10, 2048, true);
        assertThat(packing.slotBits()).isEqualTo(21);
        assertThat(packing.slotsPerPlaintext()).isEqualTo(97);
        assertThat(packing.plaintexts(1000)).isEqualTo(11);
        assertThat(new FixedPointPacking(16, 1.0, 10, 2048, false).plaintexts(1000)).isEqualTo(1000);
        // encoding by hand: 0.5 -> 32768 + 65536 = 98304 in slot 0; -1 -> 0 in slot 1; 1 -> 131072 in slot 2
        BigInteger m = packing.encode(new double[] {0.5, -1, 1})[0];
        BigInteger expected = BigInteger.valueOf(131072).shiftLeft(42).add(BigInteger.valueOf(98304));
        assertThat(m).isEqualTo(expected);
    }

    @Test
    void theLargestSafeValuesSumExactlyAndExceedingThemIsDetected() {
        int n = 5;
        FixedPointPacking packing = new FixedPointPacking(16, 2.0, n, 2048, true);
        PaillierEncryptor enc = new PaillierEncryptor(holder2048.publicKey(), packing);
        HomomorphicAggregator agg = new HomomorphicAggregator(holder2048.publicKey(), packing);
        CryptoRandom r = RandomSource.seeded(5).stream("enc", 0);
        double[] extremes = new double[200];
        for (int i = 0; i < extremes.length; i++) {
            extremes[i] = i % 2 == 0 ? 2.0 : -2.0;
        }
        List<EncryptedVector> parts = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            parts.add(enc.encrypt(extremes, r));
        }
        EncryptedVector sum = agg.sum(parts);
        double[] decoded = packing.decode(holder2048.decryptSum(sum), 200, n);
        for (int i = 0; i < 200; i++) {
            assertThat(decoded[i]).isEqualTo(i % 2 == 0 ? 2.0 * n : -2.0 * n);
        }
        // a value beyond the range is refused at encoding
        assertThatThrownBy(() -> packing.encode(new double[] {2.0001})).isInstanceOf(BadInputException.class)
                .hasMessageContaining("outside the Paillier range");
        // a sixth contribution is refused by the aggregator
        EncryptedVector sixth = enc.encrypt(extremes, r);
        assertThatThrownBy(() -> agg.add(sum, sixth)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("headroom for");
        // forced past the aggregator (ciphertexts multiplied by hand), the decoder sees the overflow
        List<BigInteger> forced = new ArrayList<>();
        for (int i = 0; i < sum.ciphertexts().size(); i++) {
            forced.add(holder2048.publicKey().add(sum.ciphertexts().get(i), sixth.ciphertexts().get(i)));
        }
        BigInteger[] plain = holder2048.decryptSum(new EncryptedVector(forced, 200, n));
        assertThatThrownBy(() -> packing.decode(plain, 200, n)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("overflowed");
        assertThatThrownBy(() -> packing.decode(plain, 200, n + 1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("headroom");
    }

    @Test
    void theKeyHolderDecryptsOnlySumsAndTheAggregatorHoldsNoPrivateKey() throws Exception {
        FixedPointPacking packing = new FixedPointPacking(16, 1.0, 4, 2048, true);
        EncryptedVector single = new PaillierEncryptor(holder2048.publicKey(), packing)
                .encrypt(new double[] {0.25}, RandomSource.seeded(6).stream("e", 0));
        assertThatThrownBy(() -> holder2048.decryptSum(single)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at least 2 participants");
        for (Class<?> c : List.of(PaillierAggregation.class, HomomorphicAggregator.class, PaillierPublicKey.class)) {
            for (Field f : c.getDeclaredFields()) {
                assertThat(f.getType()).as(c.getSimpleName() + "." + f.getName())
                        .isNotEqualTo(PaillierKeyHolder.class);
            }
        }
        assertThat(PaillierKeyHolder.class.getMethods()).noneMatch(m -> m.getReturnType() == BigInteger.class
                && m.getParameterCount() == 0);
    }

    @Test
    void tooSmallOrOddModuliAreRefused() {
        assertThatThrownBy(() -> PaillierKeyHolder.generate(255, 2, new java.security.SecureRandom()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("even number of bits");
        assertThatThrownBy(() -> new FixedPointPacking(60, 1, 2, 2048, true)).isInstanceOf(BadInputException.class);
    }
}
