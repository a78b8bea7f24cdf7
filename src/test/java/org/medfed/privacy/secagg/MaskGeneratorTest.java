package org.medfed.privacy.secagg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mask PRG on longs: what it expands to, and that adding and taking it away cancel at every width. */
class MaskGeneratorTest {

    private static final byte[] SEED = new byte[32];

    static {
        for (int i = 0; i < SEED.length; i++) {
            SEED[i] = (byte) (3 * i + 1);
        }
    }

    /**
     * Mask value i is keystream bytes 4i..4i+3 (k up to 32) or 8i..8i+7 (k above), little-endian, cut to k bits;
     * the keystream is rebuilt here independently of the CTR implementation, as AES-256 (ECB) of the counter blocks
     * 0, 1, 2, ... (big-endian), across the generator's internal chunks (2000 and 9000 values).
     */
    @Test
    void maskValueIIsTheIthKeystreamWordCutToKBits() throws Exception {
        for (int length : new int[] {2000, 9000}) {
            byte[] stream = aesOfCounters(MaskGenerator.sha256("label", SEED), length * 8);
            ByteBuffer words = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN);
            for (int bits : new int[] {8, 24, 32, 33, 48, 62}) {
                long mask = (1L << bits) - 1;
                long[] m = MaskGenerator.expand(SEED, "label", length, mask);
                for (int i = 0; i < length; i++) {
                    long word = bits <= 32 ? words.getInt(4 * i) & 0xffffffffL : words.getLong(8 * i);
                    assertThat(m[i]).as("value %d at %d bits", i, bits).isEqualTo(word & mask).isBetween(0L, mask);
                }
            }
        }
    }

    /** The published AES-256 answer for the all-zero key and block: the first keystream block of that key. */
    @Test
    void keystreamStartsWithTheKnownAes256Block() throws Exception {
        byte[] out = new byte[16];
        MaskGenerator.keystream(new byte[32]).update(new byte[16], 0, 16, out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("dc95c078a2408989ad48a21492842087");
    }

    private static byte[] aesOfCounters(byte[] key, int bytes) throws Exception {
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        int blocks = (bytes + 15) / 16;
        ByteBuffer counters = ByteBuffer.allocate(blocks * 16);
        for (long b = 0; b < blocks; b++) {
            counters.putLong(0).putLong(b);
        }
        return Arrays.copyOf(ecb.doFinal(counters.array()), bytes);
    }

    /** At the widest k and at 32 bits, where values are cut from 4 keystream bytes and summed as ints. */
    @ParameterizedTest
    @ValueSource(ints = {62, 32})
    void addIntoAddsTheExpandedMaskAndTakesItAwayAgain(int bits) {
        long mask = (1L << bits) - 1;
        long[] acc = new long[3000];
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
