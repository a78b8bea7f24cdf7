package org.medfed.data.dicom;

/**
 * The constants one JPEG-LS scan is coded with (T.87 A.2): the largest sample value, NEAR, the gradient thresholds
 * and RESET as the frame's presets and the scan header give them, and what follows from those (RANGE, qbpp,
 * LIMIT), with the reconstruction of a sample that both coding modes share.
 */
record JpegLsCodingParameters(int maxVal, int near, int t1, int t2, int t3, int reset, int range, int qbpp,
        int limit) {

    /**
     * The constants of a scan with this NEAR; a threshold of 0 (none in the presets) is the default for this NEAR
     * (T.87 C.2.4.1.1), worked out again for each scan, since a frame's scans may differ in NEAR.
     */
    static JpegLsCodingParameters of(int maxVal, int near, int t1, int t2, int t3, int reset) {
        if (t1 == 0 || t2 == 0 || t3 == 0) {
            int[] d = defaultThresholds(maxVal, near);
            t1 = t1 != 0 ? t1 : d[0];
            t2 = t2 != 0 ? t2 : d[1];
            t3 = t3 != 0 ? t3 : d[2];
        }
        int range = (maxVal + 2 * near) / (2 * near + 1) + 1;
        int bpp = Math.max(2, ceilLog2(maxVal + 1));
        return new JpegLsCodingParameters(maxVal, near, t1, t2, t3, reset, range, ceilLog2(range),
                2 * (bpp + Math.max(8, bpp)));
    }

    /**
     * T.87 C.2.4.1.1: the default gradient thresholds T1, T2, T3 for this MAXVAL and NEAR, for where the presets
     * give none.
     */
    static int[] defaultThresholds(int maxVal, int near) {
        int d1;
        int d2;
        int d3;
        if (maxVal >= 128) {
            int factor = (Math.min(maxVal, 4095) + 128) / 256;
            d1 = clamp(factor * (3 - 2) + 2 + 3 * near, near + 1, maxVal);
            d2 = clamp(factor * (7 - 3) + 3 + 5 * near, d1, maxVal);
            d3 = clamp(factor * (21 - 4) + 4 + 7 * near, d2, maxVal);
        } else {
            int factor = 256 / (maxVal + 1);
            d1 = clamp(Math.max(2, 3 / factor + 3 * near), near + 1, maxVal);
            d2 = clamp(Math.max(3, 7 / factor + 5 * near), d1, maxVal);
            d3 = clamp(Math.max(4, 21 / factor + 7 * near), d2, maxVal);
        }
        return new int[] {d1, d2, d3};
    }

    private static int clamp(int i, int j, int maxVal) {
        return i > maxVal || i < j ? j : i;
    }

    /** The value every context's A starts from (T.87 A.2.1). */
    int initialA() {
        return Math.max(2, (range + 32) / 64);
    }

    /** Px plus the dequantised error, brought back into range (T.87 A.4.5). */
    int reconstruct(int px, int err) {
        int rx = px + err * (2 * near + 1);
        if (rx < -near) {
            rx += range * (2 * near + 1);
        } else if (rx > maxVal + near) {
            rx -= range * (2 * near + 1);
        }
        return Math.max(0, Math.min(maxVal, rx));
    }

    private static int ceilLog2(int v) {
        int bits = 0;
        while ((1L << bits) < v) {
            bits++;
        }
        return bits;
    }
}
