package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedCounterTest {

    /** Four samples by hand: a case of each code among the kept, one left out, a control. */
    @Test
    void countsEachCodeAmongKeptCasesAndControls() {
        // samples 0..4: codes 0, 1, 2, 3 (missing), 1
        byte[] row = {(byte) 0b11_10_01_00, 0b01};
        PackedCounter counter = new PackedCounter(new int[] {0, 1, 3, 4}, new boolean[] {true, true, true, false}, 2);
        long[] counts = new long[8];
        counter.count(row, 0, counts, 0);
        assertThat(counts).containsExactly(1, 1, 0, 1, 0, 1, 0, 0);
    }

    /**
     * Random rows of 1 to 140 samples (whole and partial words), some samples left out, rows placed anywhere in a
     * buffer (the last one at its very end), against each kept sample's code read one by one.
     */
    @Test
    void agreesWithReadingEachSampleForRowsOfEveryShape() {
        Random random = new Random(11);
        for (int samples = 1; samples <= 140; samples++) {
            int rowBytes = (samples + 3) / 4;
            List<Integer> kept = new ArrayList<>();
            for (int s = 0; s < samples; s++) {
                if (random.nextInt(5) != 0) {
                    kept.add(s);
                }
            }
            int[] columns = kept.stream().mapToInt(Integer::intValue).toArray();
            boolean[] isCase = new boolean[columns.length];
            for (int i = 0; i < isCase.length; i++) {
                isCase[i] = random.nextBoolean();
            }
            PackedCounter counter = new PackedCounter(columns, isCase, rowBytes);
            int rows = 5;
            byte[] buffer = new byte[3 + rows * rowBytes];
            random.nextBytes(buffer);
            long[] counts = new long[8 * rows];
            long[] expected = new long[8 * rows];
            for (int r = 0; r < rows; r++) {
                int offset = 3 + r * rowBytes;
                counter.count(buffer, offset, counts, 8 * r);
                for (int i = 0; i < columns.length; i++) {
                    int s = columns[i];
                    int code = (buffer[offset + s / 4] >> (2 * (s % 4))) & 3;
                    expected[8 * r + (isCase[i] ? 0 : 4) + code]++;
                }
            }
            assertThat(counts).as("%d samples", samples).containsExactly(expected);
        }
    }
}
