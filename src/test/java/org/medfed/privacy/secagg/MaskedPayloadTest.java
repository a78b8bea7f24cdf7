package org.medfed.privacy.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medfed.engine.protocol.Value;

class MaskedPayloadTest {

    @ParameterizedTest
    @ValueSource(ints = {8, 13, 24, 32, 40, 62})
    void maskedValuesTakeTheFewestWholeBytesAndComeBackExactly(int bits) {
        SplittableRandom random = new SplittableRandom(bits);
        long[] values = new long[101];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextLong(1L << bits);
        }
        values[0] = 0;
        values[1] = (1L << bits) - 1;

        byte[] packed = MaskedPayload.pack(values, bits);

        assertThat(packed).hasSize(values.length * ((bits + 7) / 8));
        assertThat(MaskedPayload.unpack(packed, bits)).containsExactly(values);
    }

    @Test
    void thirtyTwoBitValuesAreFourBytesLittleEndian() {
        assertThat(MaskedPayload.pack(new long[] {0x01020304L, 0xfffffffeL}, 32))
                .containsExactly(4, 3, 2, 1, 0xfe, 0xff, 0xff, 0xff);
    }

    @Test
    void aReplyCutShortOrOutOfRangeIsRefused() {
        Map<String, Value> cut = Map.of(MaskedPayload.MASKED, new Value.Bytes(new byte[7]),
                MaskedPayload.LAYOUT, new Value.Text(""));
        assertThatThrownBy(() -> MaskedPayload.from(cut, 2, 32)).hasMessageContaining("7 bytes")
                .hasMessageContaining("4-byte");

        Map<String, Value> wide = Map.of(MaskedPayload.MASKED, new Value.Bytes(MaskedPayload.pack(new long[] {1L << 12}, 16)),
                MaskedPayload.LAYOUT, new Value.Text(""));
        assertThatThrownBy(() -> MaskedPayload.from(wide, 1, 12)).hasMessageContaining("outside Z_(2^12)");

        Map<String, Value> fewer = Map.of(MaskedPayload.MASKED, new Value.Bytes(new byte[8]),
                MaskedPayload.LAYOUT, new Value.Text("#clamped"));
        assertThatThrownBy(() -> MaskedPayload.from(fewer, 2, 32)).hasMessageContaining("2 masked values where 3");
    }
}
