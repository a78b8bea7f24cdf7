package org.medfed.analytics.gwas;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Counts one packed row's genotypes (0, 1, 2 copies, missing) among a site's kept cases and controls, 32 samples at a
 * time. A row holds a sample's code in two bits (sample {@code i} in bits {@code 2(i mod 4)} of byte {@code i / 4}), so
 * eight bytes read as a little-endian long hold 32 samples, sample {@code k} in bits {@code 2k} and {@code 2k + 1}.
 * From the low and high bit of every pair, one mask per code marks (in its low bit) the samples that have it; a
 * population count of that mask and the word's kept cases (or controls) counts them. Missing calls are the kept
 * samples that have none of the three dosages.
 */
final class PackedCounter {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The low bit of every two-bit pair. */
    private static final long LOW_BITS = 0x5555_5555_5555_5555L;

    private final int rowBytes;
    /** The words holding kept samples, as their first byte in the row. */
    private final int[] starts;
    /** Per word of {@link #starts}: the low bit of each kept case's pair, and of each kept control's. */
    private final long[] caseBits;
    private final long[] controlBits;
    private final int cases;
    private final int controls;

    /**
     * @param columns the kept samples' positions in the row (VCF columns)
     * @param isCase per kept sample, whether it is a case (else a control)
     */
    PackedCounter(int[] columns, boolean[] isCase, int rowBytes) {
        this.rowBytes = rowBytes;
        int words = (rowBytes + Long.BYTES - 1) / Long.BYTES;
        long[] caseWords = new long[words];
        long[] controlWords = new long[words];
        int caseCount = 0;
        for (int i = 0; i < columns.length; i++) {
            long bit = 1L << (2 * (columns[i] % 32));
            if (isCase[i]) {
                caseWords[columns[i] / 32] |= bit;
                caseCount++;
            } else {
                controlWords[columns[i] / 32] |= bit;
            }
        }
        cases = caseCount;
        controls = columns.length - caseCount;
        int used = 0;
        for (int w = 0; w < words; w++) {
            used += (caseWords[w] | controlWords[w]) != 0 ? 1 : 0;
        }
        starts = new int[used];
        caseBits = new long[used];
        controlBits = new long[used];
        int u = 0;
        for (int w = 0; w < words; w++) {
            if ((caseWords[w] | controlWords[w]) != 0) {
                starts[u] = w * Long.BYTES;
                caseBits[u] = caseWords[w];
                controlBits[u] = controlWords[w];
                u++;
            }
        }
    }

    /**
     * Adds the counts of the row at {@code row[offset...]} to {@code counts[at...]}: 0, 1, 2, missing among the
     * cases, then among the controls (the layout of {@link VariantCounts}).
     */
    void count(byte[] row, int offset, long[] counts, int at) {
        int homRefCases = 0;
        int hetCases = 0;
        int homAltCases = 0;
        int homRefControls = 0;
        int hetControls = 0;
        int homAltControls = 0;
        for (int j = 0; j < starts.length; j++) {
            long w = word(row, offset, starts[j]);
            long low = w & LOW_BITS;
            long high = (w >>> 1) & LOW_BITS;
            long homRef = ~(low | high) & LOW_BITS;
            long het = low & ~high;
            long homAlt = high & ~low;
            long c = caseBits[j];
            long k = controlBits[j];
            homRefCases += Long.bitCount(homRef & c);
            hetCases += Long.bitCount(het & c);
            homAltCases += Long.bitCount(homAlt & c);
            homRefControls += Long.bitCount(homRef & k);
            hetControls += Long.bitCount(het & k);
            homAltControls += Long.bitCount(homAlt & k);
        }
        counts[at] += homRefCases;
        counts[at + 1] += hetCases;
        counts[at + 2] += homAltCases;
        counts[at + 3] += cases - homRefCases - hetCases - homAltCases;
        counts[at + 4] += homRefControls;
        counts[at + 5] += hetControls;
        counts[at + 6] += homAltControls;
        counts[at + 7] += controls - homRefControls - hetControls - homAltControls;
    }

    /** Eight bytes of the row from {@code start}; past the row's end, zeros (the bytes after may not exist). */
    private long word(byte[] row, int offset, int start) {
        if (start + Long.BYTES <= rowBytes) {
            return (long) LONGS.get(row, offset + start);
        }
        long w = 0;
        for (int b = start; b < rowBytes; b++) {
            w |= (row[offset + b] & 0xffL) << (Byte.SIZE * (b - start));
        }
        return w;
    }
}
