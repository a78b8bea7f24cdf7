package org.medfed.privacy.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The keystream against RFC 8439 and the documented order of its 32- and 64-bit reads. */
class ChaChaKeystreamTest {

    private static byte[] key(int first) {
        byte[] k = new byte[32];
        for (int i = 0; i < 32; i++) {
            k[i] = (byte) (first + i);
        }
        return k;
    }

    @Test
    void theFirstBlockOfAnAllZeroKeyIsRfc8439TestVector1() {
        // RFC 8439 appendix A.1, test vector #1: key 0, nonce 0, block counter 0
        byte[] expected = HexFormat.of().parseHex("76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
                + "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586");
        byte[] out = new byte[64];
        ChaChaKeystream.ofKey(new byte[32]).nextBytes(out);
        assertThat(out).isEqualTo(expected);
        // read as words and longs: little-endian, first word in the low half
        ChaChaKeystream ks = ChaChaKeystream.ofKey(new byte[32]);
        assertThat(ks.nextInt()).isEqualTo(0xade0b876);
        assertThat(ChaChaKeystream.ofKey(new byte[32]).nextLong()).isEqualTo(0x903df1a0_ade0b876L);
    }

    @Test
    void nextLongIsTwoConsecutiveWordsFirstLow() {
        ChaChaKeystream words = ChaChaKeystream.ofKey(key(1));
        ChaChaKeystream longs = ChaChaKeystream.ofKey(key(1));
        ChaChaKeystream bytes = ChaChaKeystream.ofKey(key(1));
        byte[] raw = new byte[8 * 3000];
        bytes.nextBytes(raw);
        ByteBuffer le = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        // 3000 longs cross several 4096-byte refills of the internal buffer
        for (int i = 0; i < 3000; i++) {
            long low = words.nextInt() & 0xFFFFFFFFL;
            long high = words.nextInt() & 0xFFFFFFFFL;
            long v = longs.nextLong();
            assertThat(v).isEqualTo(low | high << 32).isEqualTo(le.getLong());
        }
    }

    @Test
    void aLongStraddlingARefillTakesTheLastWordOfTheBufferAndTheFirstOfTheNext() {
        // 1023 words leave one word (4 bytes) in a 4096-byte buffer: the long is that word and the next one
        ChaChaKeystream ks = ChaChaKeystream.ofKey(key(7));
        for (int i = 0; i < 1023; i++) {
            ks.nextInt();
        }
        long straddling = ks.nextLong();
        long after = ks.nextLong();
        ChaChaKeystream ref = ChaChaKeystream.ofKey(key(7));
        byte[] raw = new byte[4096 + 12];
        ref.nextBytes(raw);
        ByteBuffer le = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(straddling).isEqualTo(le.getLong(4092));
        assertThat(after).isEqualTo(le.getLong(4100));
    }

    @Test
    void fillLongsReadsWhatNextLongReads() {
        long[] filled = new long[1500];
        ChaChaKeystream.ofKey(key(3)).fillLongs(filled);
        ChaChaKeystream one = ChaChaKeystream.ofKey(key(3));
        for (long v : filled) {
            assertThat(v).isEqualTo(one.nextLong());
        }
        // and a different key gives a different stream
        assertThat(ChaChaKeystream.ofKey(key(4)).nextLong()).isNotEqualTo(filled[0]);
    }
}
