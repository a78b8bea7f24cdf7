package org.medfed.analytics.gwas;

/**
 * Counts one packed row's genotypes (0, 1, 2 copies, missing) among a site's kept cases and controls, four samples
 * per table look-up instead of one unpacking per sample. For each byte of the row, a four-bit mask says which of its
 * samples are kept cases (another which are kept controls); {@code TABLE[mask][byte]} holds the counts of the four
 * codes among those samples, 16 bits each, so that one addition counts a byte.
 */
final class PackedCounter {

    private static final long[] TABLE = new long[16 * 256];
    /** Bytes added up before the 16-bit fields (at most 4 per byte) are emptied. */
    private static final int FLUSH = 16_000;

    static {
        for (int mask = 0; mask < 16; mask++) {
            for (int b = 0; b < 256; b++) {
                long t = 0;
                for (int s = 0; s < 4; s++) {
                    if ((mask >> s & 1) != 0) {
                        t += 1L << (16 * ((b >> (2 * s)) & 3));
                    }
                }
                TABLE[mask << 8 | b] = t;
            }
        }
    }

    private final int[] positions;
    private final int[] caseMasks;
    private final int[] controlMasks;

    /**
     * @param columns the kept samples' positions in the row (VCF columns)
     * @param isCase per kept sample, whether it is a case (else a control)
     */
    PackedCounter(int[] columns, boolean[] isCase, int rowBytes) {
        int[] cases = new int[rowBytes];
        int[] controls = new int[rowBytes];
        for (int i = 0; i < columns.length; i++) {
            int bit = 1 << (columns[i] & 3);
            if (isCase[i]) {
                cases[columns[i] >> 2] |= bit;
            } else {
                controls[columns[i] >> 2] |= bit;
            }
        }
        int used = 0;
        for (int j = 0; j < rowBytes; j++) {
            used += (cases[j] | controls[j]) != 0 ? 1 : 0;
        }
        positions = new int[used];
        caseMasks = new int[used];
        controlMasks = new int[used];
        int u = 0;
        for (int j = 0; j < rowBytes; j++) {
            if ((cases[j] | controls[j]) != 0) {
                positions[u] = j;
                caseMasks[u] = cases[j] << 8;
                controlMasks[u] = controls[j] << 8;
                u++;
            }
        }
    }

    /**
     * Adds the counts of the row at {@code row[offset...]} to {@code counts[at...]}: 0, 1, 2, missing among the
     * cases, then among the controls (the layout of {@link VariantCounts}).
     */
    void count(byte[] row, int offset, long[] counts, int at) {
        long cases = 0;
        long controls = 0;
        int pending = 0;
        for (int j = 0; j < positions.length; j++) {
            int b = row[offset + positions[j]] & 0xff;
            cases += TABLE[caseMasks[j] | b];
            controls += TABLE[controlMasks[j] | b];
            if (++pending == FLUSH) {
                add(cases, controls, counts, at);
                cases = 0;
                controls = 0;
                pending = 0;
            }
        }
        add(cases, controls, counts, at);
    }

    private static void add(long cases, long controls, long[] counts, int at) {
        for (int code = 0; code < 4; code++) {
            counts[at + code] += (cases >>> (16 * code)) & 0xffff;
            counts[at + 4 + code] += (controls >>> (16 * code)) & 0xffff;
        }
    }
}
