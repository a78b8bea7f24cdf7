package org.medfed.privacy.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RandomSourceTest {

    @Test
    void seededStreamsAreReproducibleAndIndependentPerPurpose() {
        RandomSource a = RandomSource.seeded(5);
        RandomSource b = RandomSource.seeded(5);
        assertThat(a.isSeeded()).isTrue();
        assertThat(a.stream("noise", 3).nextLong()).isEqualTo(b.stream("noise", 3).nextLong());
        assertThat(a.stream("noise", 3).nextLong()).isNotEqualTo(a.stream("noise", 4).nextLong());
        assertThat(a.stream("noise", 3).nextLong()).isNotEqualTo(a.stream("other", 3).nextLong());
        assertThat(RandomSource.seeded(6).stream("noise", 3).nextLong())
                .isNotEqualTo(a.stream("noise", 3).nextLong());
    }

    @Test
    void secureStreamsAreNeverRepeated() {
        RandomSource s = RandomSource.secure();
        assertThat(s.isSeeded()).isFalse();
        assertThat(s.stream("noise", 1).nextLong()).isNotEqualTo(s.stream("noise", 1).nextLong());
    }

    @Test
    void keystreamIsChaCha20AsSpecifiedInRfc8439() {
        // RFC 8439 section 2.4.2 test vector: key 00..1f, nonce 00 00 00 00 00 00 00 4a 00 00 00 00, counter 1.
        // Our stream starts at counter 0, so block 1 of the keystream is bytes 64..127; its first bytes, XORed with
        // the plaintext "Ladies and Gentlemen..." give the RFC's ciphertext 6e 2e 35 9a 25 68 f9 80 ...
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            key[i] = (byte) i;
        }
        byte[] nonce = {0, 0, 0, 0, 0, 0, 0, 0x4a, 0, 0, 0, 0};
        ChaChaKeystream ks = new ChaChaKeystream(key, nonce);
        byte[] stream = new byte[64 + 8];
        ks.nextBytes(stream);
        byte[] plain = "Ladies a".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int[] expected = {0x6e, 0x2e, 0x35, 0x9a, 0x25, 0x68, 0xf9, 0x80};
        for (int i = 0; i < 8; i++) {
            assertThat((stream[64 + i] ^ plain[i]) & 0xff).isEqualTo(expected[i]);
        }
    }

    @Test
    void gaussianDrawsHaveMeanZeroVarianceOneAndNormalTails() {
        CryptoRandom r = RandomSource.seeded(1).stream("test", 0);
        int n = 400_000;
        double sum = 0;
        double sq = 0;
        int beyond2 = 0;
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            sum += g;
            sq += g * g;
            if (Math.abs(g) > 2) {
                beyond2++;
            }
        }
        assertThat(sum / n).isCloseTo(0, within(0.01));
        assertThat(sq / n).isCloseTo(1, within(0.01));
        // P(|Z| > 2) = 0.0455
        assertThat((double) beyond2 / n).isCloseTo(0.0455, within(0.002));
    }

    @Test
    void boundedIntegersAreUniform() {
        CryptoRandom r = RandomSource.seeded(2).stream("test", 0);
        int[] counts = new int[6];
        for (int i = 0; i < 60_000; i++) {
            counts[r.nextInt(6)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(9_500, 10_500);
        }
    }
}
