package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedGenotypesPackTest {

    /** Four calls a byte, the first in the lowest two bits, missing as 3; each sample's called count grows by 0 or 1. */
    @Test
    void packsFourCallsAByteAndCountsTheCalledOnes() {
        byte[] packed = new byte[2];
        long[] called = new long[5];
        PackedGenotypes.pack(new byte[] {0, 1, 2, -1, 2}, packed, called);
        assertThat(packed).containsExactly((byte) 0b11_10_01_00, (byte) 0b10);
        assertThat(called).containsExactly(1, 1, 1, 0, 1);
    }

    /** Every length from 1 to 13 (whole bytes and a partial last one), against the packing written out call by call. */
    @Test
    void agreesWithCallByCallPackingForEveryLength() {
        Random random = new Random(3);
        for (int n = 1; n <= 13; n++) {
            for (int trial = 0; trial < 50; trial++) {
                byte[] dosages = new byte[n];
                for (int i = 0; i < n; i++) {
                    dosages[i] = (byte) (random.nextInt(4) - 1);
                }
                byte[] packed = new byte[(n + 3) / 4];
                packed[packed.length - 1] = (byte) 0xFF; // a row buffer reused from the previous variant
                long[] called = new long[n];
                PackedGenotypes.pack(dosages, packed, called);
                byte[] expected = new byte[packed.length];
                for (int i = 0; i < n; i++) {
                    int code = dosages[i] < 0 ? 3 : dosages[i];
                    expected[i / 4] |= (byte) (code << (2 * (i % 4)));
                    assertThat(called[i]).isEqualTo(dosages[i] < 0 ? 0 : 1);
                }
                assertThat(packed).as("n=%d", n).containsExactly(expected);
            }
        }
    }
}
