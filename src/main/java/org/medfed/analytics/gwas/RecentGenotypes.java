package org.medfed.analytics.gwas;

import java.util.HashMap;
import java.util.Map;

/**
 * The unpacked genotypes of the variants of the last regression request, kept for the next. The coordinator fits a
 * block of variants in Newton rounds, each round asking again for the block's unfinished variants; a variant is
 * unpacked from the packed store once per block instead of once per round. Only as many variants are kept as fit in
 * {@link #BUDGET_BYTES}; past that a request unpacks every variant it asks for, as without this cache.
 */
final class RecentGenotypes {

    /** At most this many bytes of unpacked genotypes per site (4,096 variants x 16,384 samples). */
    static final long BUDGET_BYTES = 64L << 20;

    private final int samples;
    private final int capacity;
    private Map<Integer, byte[]> last = new HashMap<>();
    private Map<Integer, byte[]> current = new HashMap<>();
    private byte[] scratch;

    /** @param samples bytes of one variant's row (the kept samples) */
    RecentGenotypes(int samples) {
        this.samples = samples;
        this.capacity = (int) Math.min(Integer.MAX_VALUE, BUDGET_BYTES / Math.max(1, samples));
    }

    /** Call before the first {@link #row} of a request of {@code variants} variants. */
    void startRequest(int variants) {
        Map<Integer, byte[]> spare = last;
        last = current;
        current = spare;
        current.clear();
        if (variants > capacity) {
            last.clear();
        }
    }

    /**
     * Variant {@code v}'s row: the one kept from the last request, or {@code unpack}'s into a buffer this cache owns
     * (the row must not be changed by the caller).
     *
     * @param unpack writes variant v's row into the array it is given
     */
    byte[] row(int v, Unpacker unpack) {
        byte[] row = last.get(v);
        if (row == null) {
            if (current.size() >= capacity) {
                if (scratch == null) {
                    scratch = new byte[samples];
                }
                unpack.unpack(v, scratch);
                return scratch;
            }
            row = new byte[samples];
            unpack.unpack(v, row);
        }
        current.put(v, row);
        return row;
    }

    /** Writes one variant's genotypes of the kept samples into a row. */
    interface Unpacker {
        void unpack(int variant, byte[] into);
    }
}
