package org.medfed.data.dicom;

import java.util.Arrays;

/**
 * JPEG-LS regular mode (T.87 A.3 to A.6): the 365 contexts of one scan, chosen by the quantised local gradients,
 * each with its error statistics A, B, N and bias correction C; a sample is the median edge prediction, corrected
 * by its context's bias, plus a Golomb-coded error.
 */
final class JpegLsRegularMode {

    private static final int CONTEXTS = 365;
    private static final int MIN_C = -128;
    private static final int MAX_C = 127;

    private final JpegLsCodingParameters p;
    private final JpegLsBitReader bits;
    // copied out of p, as they are read for every sample: one load less each, and decode stays small enough
    // (under 325 bytes of bytecode) for C2 to inline it where it is hot
    private final int maxVal;
    private final int near;
    private final int t1;
    private final int t2;
    private final int t3;
    private final int reset;
    private final int limit;
    private final int[] a = new int[CONTEXTS];
    private final int[] b = new int[CONTEXTS];
    private final int[] c = new int[CONTEXTS];
    private final int[] n = new int[CONTEXTS];

    JpegLsRegularMode(JpegLsCodingParameters p, JpegLsBitReader bits) {
        this.p = p;
        this.bits = bits;
        this.maxVal = p.maxVal();
        this.near = p.near();
        this.t1 = p.t1();
        this.t2 = p.t2();
        this.t3 = p.t3();
        this.reset = p.reset();
        this.limit = p.limit();
        Arrays.fill(a, p.initialA());
        Arrays.fill(n, 1);
    }

    /** The sample whose neighbours are Ra, Rb, Rc, with the gradients D1, D2, D3 between them and Rd. */
    int decode(int ra, int rb, int rc, int d1, int d2, int d3) {
        int q1 = quantize(d1);
        int q2 = quantize(d2);
        int q3 = quantize(d3);
        int sign = 1;
        if (q1 < 0 || (q1 == 0 && (q2 < 0 || (q2 == 0 && q3 < 0)))) {
            sign = -1;
            q1 = -q1;
            q2 = -q2;
            q3 = -q3;
        }
        int q = 81 * q1 + 9 * q2 + q3; // 1..364 once the first non-zero gradient is positive
        int px;
        if (rc >= Math.max(ra, rb)) {
            px = Math.min(ra, rb);
        } else if (rc <= Math.min(ra, rb)) {
            px = Math.max(ra, rb);
        } else {
            px = ra + rb - rc;
        }
        px += sign * c[q];
        px = Math.max(0, Math.min(maxVal, px));
        int k = bits.golombParameter(n[q], a[q]);
        int mErr = bits.golomb(k, limit);
        int err;
        if (near == 0 && k == 0 && 2 * b[q] <= -n[q]) {
            err = (mErr & 1) != 0 ? (mErr - 1) >> 1 : -(mErr >> 1) - 1;
        } else {
            err = (mErr & 1) == 0 ? mErr >> 1 : -((mErr + 1) >> 1);
        }
        update(q, err);
        return p.reconstruct(px, sign * err);
    }

    private int quantize(int d) {
        if (d <= -t3) {
            return -4;
        }
        if (d <= -t2) {
            return -3;
        }
        if (d <= -t1) {
            return -2;
        }
        if (d < -near) {
            return -1;
        }
        if (d <= near) {
            return 0;
        }
        if (d < t1) {
            return 1;
        }
        if (d < t2) {
            return 2;
        }
        if (d < t3) {
            return 3;
        }
        return 4;
    }

    /** T.87 A.6: the context's error statistics and its bias correction. */
    private void update(int q, int err) {
        b[q] += err * (2 * near + 1);
        a[q] += Math.abs(err);
        if (n[q] == reset) {
            a[q] >>= 1;
            b[q] = b[q] >= 0 ? b[q] >> 1 : -((1 - b[q]) >> 1);
            n[q] >>= 1;
        }
        n[q]++;
        if (b[q] <= -n[q]) {
            b[q] += n[q];
            if (c[q] > MIN_C) {
                c[q]--;
            }
            if (b[q] <= -n[q]) {
                b[q] = -n[q] + 1;
            }
        } else if (b[q] > 0) {
            b[q] -= n[q];
            if (c[q] < MAX_C) {
                c[q]++;
            }
            if (b[q] > 0) {
                b[q] = 0;
            }
        }
    }
}
