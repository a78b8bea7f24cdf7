package org.medfed.privacy.secagg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medfed.privacy.random.ChaChaKeystream;

/** The mask PRG on longs: what it expands to, and that adding and taking it away cancel at every width. */
class MaskGeneratorTest {

    private static final byte[] SEED = new byte[32];

    static {
        for (int i = 0; i < SEED.length; i++) {
            SEED[i] = (byte) (3 * i + 1);
        }
    }

    @Test
    void maskValueIIsTheIthKeystreamLongCutToKBits() {
        for (int bits : new int[] {8, 24, 32, 48, 62}) {
            long mask = (1L << bits) - 1;
            long[] m = MaskGenerator.expand(SEED, "label", 2000, mask);
            ChaChaKeystream ks = ChaChaKeystream.ofKey(MaskGenerator.sha256("label", SEED));
            for (long v : m) {
                assertThat(v).isEqualTo(ks.nextLong() & mask).isBetween(0L, mask);
            }
        }
    }

    @Test
    void addIntoAddsTheExpandedMaskAndTakesItAwayAgain() {
        long mask = (1L << 62) - 1;
        long[] acc = new long[1000];
        for (int i = 0; i < acc.length; i++) {
            acc[i] = mask - i; // near the top of the range, so that adding wraps
        }
        long[] before = acc.clone();
        long[] m = MaskGenerator.expand(SEED, "label", acc.length, mask);
        MaskGenerator.addInto(acc, SEED, "label", +1, mask);
        for (int i = 0; i < acc.length; i++) {
            assertThat(acc[i]).isEqualTo((before[i] + m[i]) & mask).isBetween(0L, mask);
        }
        MaskGenerator.addInto(acc, SEED, "label", -1, mask);
        assertThat(acc).containsExactly(before);
    }

    @Test
    void labelsSeparateTheStreams() {
        long mask = (1L << 62) - 1;
        assertThat(MaskGenerator.expand(SEED, SecAggClient.PAIR_LABEL, 4, mask))
                .doesNotContain(MaskGenerator.expand(SEED, SecAggClient.SELF_LABEL, 4, mask));
    }
}
