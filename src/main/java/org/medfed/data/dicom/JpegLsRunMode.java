package org.medfed.data.dicom;

import java.util.Arrays;

/**
 * JPEG-LS run mode (T.87 A.7): where the neighbourhood is flat, a run of the left sample's value whose length is
 * coded in blocks that grow with the run index, then perhaps the sample that interrupts it, coded in one of two
 * run-interruption contexts of its own.
 */
final class JpegLsRunMode {

    /** The block sizes, as powers of two, for each run index (T.87 A.7.1.1). */
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10,
        11, 12, 13, 14, 15};

    private final JpegLsCodingParameters p;
    private final JpegLsBitReader bits;
    private final FrameErrors errors;
    // copied out of p, as they are read for every interruption sample: one load less each
    private final int limit;
    private final int reset;
    // the two run-interruption contexts, by interruption type (T.87 A.7.2)
    private final int[] a = new int[2];
    private final int[] n = {1, 1};
    private final int[] nn = new int[2];
    private int runIndex;

    JpegLsRunMode(JpegLsCodingParameters p, JpegLsBitReader bits, FrameErrors errors) {
        this.p = p;
        this.bits = bits;
        this.errors = errors;
        this.limit = p.limit();
        this.reset = p.reset();
        Arrays.fill(a, p.initialA());
    }

    int runIndex() {
        return runIndex;
    }

    /** Line-interleaved scans keep a run index per component and swap it in for each component's line. */
    void setRunIndex(int runIndex) {
        this.runIndex = runIndex;
    }

    /**
     * The length of a run of at most {@code left} samples (T.87 A.7.1.2): {@code left} when it reaches the end of
     * the line, else fewer, and an interruption sample follows.
     */
    int runLength(int left) {
        int count = 0;
        while (bits.readBit() == 1) {
            int step = Math.min(1 << J[runIndex], left - count);
            count += step;
            if (step == 1 << J[runIndex]) {
                runIndex = Math.min(31, runIndex + 1);
            }
            if (count == left) {
                return count;
            }
        }
        count += J[runIndex] > 0 ? bits.readBits(J[runIndex]) : 0;
        if (count >= left) {
            throw errors.bad("a JPEG-LS run goes past the end of its line");
        }
        return count;
    }

    /** The sample that ends a run before its line does (T.87 A.7.2), of run-interruption type {@code riType}. */
    int interruption(int ra, int rb, int riType) {
        int q = riType;
        int px = riType == 1 ? ra : rb;
        int sign = riType == 0 && ra > rb ? -1 : 1;
        int temp = riType == 0 ? a[q] : a[q] + (n[q] >> 1);
        int k = bits.golombParameter(n[q], temp);
        int emErr = bits.golomb(k, limit - J[runIndex] - 1);
        int t = emErr + riType;
        boolean map = (t & 1) != 0;
        int abs = (t + (map ? 1 : 0)) >> 1;
        int err = (k != 0 || 2 * nn[q] >= n[q]) == map ? -abs : abs;
        if (err < 0) {
            nn[q]++;
        }
        a[q] += (emErr + 1 - riType) >> 1;
        if (n[q] == reset) {
            a[q] >>= 1;
            n[q] >>= 1;
            nn[q] >>= 1;
        }
        n[q]++;
        return p.reconstruct(px, sign * err);
    }

    /**
     * After an interruption (T.87 A.7.2). Not part of {@link #interruption}: a sample-interleaved scan
     * interrupts every component of the pixel first and lowers the index once.
     */
    void lowerRunIndex() {
        runIndex = Math.max(0, runIndex - 1);
    }
}
