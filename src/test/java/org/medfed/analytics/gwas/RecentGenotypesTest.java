package org.medfed.analytics.gwas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentGenotypesTest {

    /** Writes variant v's row as v, v + 1, ... and remembers which variants it was asked for. */
    private static final class CountingUnpacker implements RecentGenotypes.Unpacker {
        final List<Integer> asked = new ArrayList<>();

        @Override
        public void unpack(int variant, byte[] into) {
            asked.add(variant);
            for (int i = 0; i < into.length; i++) {
                into[i] = (byte) (variant + i);
            }
        }
    }

    private static byte[] expected(int variant, int samples) {
        byte[] row = new byte[samples];
        new CountingUnpacker().unpack(variant, row);
        return row;
    }

    @Test
    void aVariantIsUnpackedOncePerBlockOfRounds() {
        RecentGenotypes recent = new RecentGenotypes(3);
        CountingUnpacker unpacker = new CountingUnpacker();
        // a block's first round asks for 4 variants, the next rounds for those still fitting
        int[][] rounds = {{10, 11, 12, 13}, {10, 12, 13}, {12}, {12}};
        for (int[] round : rounds) {
            recent.startRequest(round.length);
            for (int v : round) {
                assertArrayEquals(expected(v, 3), recent.row(v, unpacker));
            }
        }
        assertEquals(List.of(10, 11, 12, 13), unpacker.asked);
        // the next block: its variants are new, and a variant of the last block that is asked again is still kept
        recent.startRequest(2);
        assertArrayEquals(expected(14, 3), recent.row(14, unpacker));
        assertArrayEquals(expected(12, 3), recent.row(12, unpacker));
        assertEquals(List.of(10, 11, 12, 13, 14), unpacker.asked);
    }

    @Test
    void onlyTheVariantsOfTheLastRequestAreKept() {
        RecentGenotypes recent = new RecentGenotypes(2);
        CountingUnpacker unpacker = new CountingUnpacker();
        recent.startRequest(2);
        recent.row(1, unpacker);
        recent.row(2, unpacker);
        recent.startRequest(1);
        recent.row(3, unpacker);
        recent.startRequest(2);
        assertArrayEquals(expected(1, 2), recent.row(1, unpacker));
        assertArrayEquals(expected(3, 2), recent.row(3, unpacker));
        assertEquals(List.of(1, 2, 3, 1), unpacker.asked);
    }

    @Test
    void pastTheBudgetEveryRowIsStillRightButUnpackedEachTime() {
        int samples = (int) (RecentGenotypes.BUDGET_BYTES / 2);
        RecentGenotypes recent = new RecentGenotypes(samples);
        CountingUnpacker unpacker = new CountingUnpacker();
        for (int round = 0; round < 2; round++) {
            recent.startRequest(3);
            for (int v = 0; v < 3; v++) {
                byte[] row = recent.row(v, unpacker);
                assertEquals((byte) v, row[0]);
                assertEquals((byte) (v + samples - 1), row[samples - 1]);
            }
        }
        // three rows do not fit in the budget of two: every row of every round is unpacked
        assertEquals(List.of(0, 1, 2, 0, 1, 2), unpacker.asked);
    }
}
