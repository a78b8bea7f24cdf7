package org.medfed.data.dicom;

import java.nio.file.Path;
import org.medfed.engine.BadInputException;

/**
 * JPEG-LS (ITU-T T.87, DICOM .80 lossless and .81 near-lossless): the LOCO-I context modelling, median edge
 * prediction, bias correction, limited-length Golomb codes and run mode of T.87 Annex A, for one or more
 * components, each in its own scan (interleave mode 0), a line of each in turn (mode 1) or a sample of each in turn
 * (mode 2).
 *
 * <p>Written by hand because no pure Java JPEG-LS decoder is on Maven Central (dcm4che's goes through native
 * OpenCV; CharLS is C++). Not supported, each with a clear error: mapping tables (palettised images), a point
 * transform, and restart markers within a scan.
 */
final class JpegLsDecoder {

    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10,
        11, 12, 13, 14, 15};
    private static final int CONTEXTS = 365;
    private static final int MIN_C = -128;
    private static final int MAX_C = 127;

    record Decoded(int[] samples, int width, int height, int components) {
    }

    private final byte[] data;
    private final FrameErrors errors;
    private int pos;

    private int precision;
    private int width;
    private int height;
    private int componentCount;
    private int[] componentIds;
    private int[] samples;
    private int maxVal;
    private int t1;
    private int t2;
    private int t3;
    private int reset = 64;
    private boolean presetThresholds;

    // the scan under way
    private JpegLsCodingParameters p;
    private int near;
    private int[] a;
    private int[] b;
    private int[] c;
    private int[] n;
    private int[] nn;
    private JpegLsBitReader bits;
    /** The run index of the component being decoded (T.87 A.7.1.1). */
    private int runIndex;

    private final long expectedSamples;

    private JpegLsDecoder(byte[] data, Path source, int frame, long expectedSamples) {
        this.data = data;
        this.errors = new FrameErrors(source, frame);
        this.expectedSamples = expectedSamples;
    }

    /**
     * Decodes one frame's codestream; samples are interleaved per pixel, as stored (no sign). A frame header
     * for more than {@code expectedSamples} samples (what the file's rows, columns and samples per pixel say) is
     * refused before anything is allocated for it.
     */
    static Decoded decode(byte[] codestream, Path source, int frame, long expectedSamples) {
        return new JpegLsDecoder(codestream, source, frame, expectedSamples).run();
    }

    private Decoded run() {
        if (u8(0) != 0xFF || u8(1) != 0xD8) {
            throw bad("the JPEG-LS data does not start with a start-of-image marker (FF D8)");
        }
        pos = 2;
        int scans = 0;
        int decodedComponents = 0;
        while (true) {
            int marker = nextMarker();
            if (marker == 0xD9) {
                break;
            }
            int length = u16(pos);
            int start = pos + 2;
            if (length < 2 || pos + length > data.length) {
                throw bad("a marker segment (FF " + hex(marker) + ") runs past the end of the data");
            }
            switch (marker) {
                case 0xF7 -> readFrameHeader(start);
                case 0xF8 -> readPresets(start, length - 2);
                case 0xDA -> {
                    if (samples == null) {
                        throw bad("a scan comes before the JPEG-LS frame header (FF F7)");
                    }
                    pos += length;
                    decodedComponents += readScan(start);
                    scans++;
                    continue;
                }
                case 0xC0, 0xC1, 0xC2, 0xC3 -> throw bad("the data is JPEG (marker FF " + hex(marker)
                        + "), not JPEG-LS, although the transfer syntax says JPEG-LS");
                default -> {
                    // APPn, COM and the like: nothing for the pixels
                }
            }
            pos += length;
        }
        if (samples == null || scans == 0 || decodedComponents < componentCount) {
            throw bad("the JPEG-LS data ends before every component of the image was decoded");
        }
        return new Decoded(samples, width, height, componentCount);
    }

    private void readFrameHeader(int at) {
        precision = u8(at);
        height = u16(at + 1);
        width = u16(at + 3);
        componentCount = u8(at + 5);
        if (precision < 2 || precision > 16) {
            throw bad("the JPEG-LS frame has a sample precision of " + precision + " bits; expected 2 to 16");
        }
        if (width == 0 || height == 0 || componentCount < 1 || componentCount > 4) {
            throw bad("the JPEG-LS frame is " + height + " x " + width + " with " + componentCount
                    + " component(s); expected a positive size and 1 to 4 components");
        }
        if ((long) width * height * componentCount > expectedSamples) {
            throw bad("the compressed image is " + height + " x " + width + " with " + componentCount
                    + " component(s), more samples than the file's rows, columns and samples per pixel give ("
                    + expectedSamples + ")");
        }
        componentIds = new int[componentCount];
        for (int i = 0; i < componentCount; i++) {
            componentIds[i] = u8(at + 6 + 3 * i);
        }
        samples = new int[width * height * componentCount];
        if (!presetThresholds) {
            maxVal = (1 << precision) - 1;
        }
    }

    /** LSE: preset coding parameters (id 1); mapping tables (2, 3) are refused. */
    private void readPresets(int at, int length) {
        int id = u8(at);
        if (id != 1) {
            throw bad("the JPEG-LS data uses " + (id == 2 || id == 3 ? "a mapping table (a palettised image)"
                    : "preset parameters of kind " + id) + ", which is not supported");
        }
        if (length < 11) {
            throw bad("the JPEG-LS preset parameters (FF F8) are " + length + " bytes; expected 11");
        }
        int mv = u16(at + 1);
        int p1 = u16(at + 3);
        int p2 = u16(at + 5);
        int p3 = u16(at + 7);
        int r = u16(at + 9);
        presetThresholds = true;
        maxVal = mv != 0 ? mv : precision > 0 ? (1 << precision) - 1 : 0;
        t1 = p1;
        t2 = p2;
        t3 = p3;
        reset = r != 0 ? r : 64;
    }

    /** Decodes one scan (SOS at {@code at}); returns how many components it held. */
    private int readScan(int at) {
        int ns = u8(at);
        if (ns < 1 || ns > componentCount) {
            throw bad("a JPEG-LS scan has " + ns + " component(s) in a " + componentCount + "-component frame");
        }
        int[] comps = new int[ns];
        for (int i = 0; i < ns; i++) {
            int id = u8(at + 1 + 2 * i);
            int mapping = u8(at + 2 + 2 * i);
            comps[i] = indexOf(id);
            if (mapping != 0) {
                throw bad("the JPEG-LS scan uses a mapping table (a palettised image), which is not supported");
            }
        }
        int h = at + 1 + 2 * ns;
        int scanNear = u8(h);
        int ilv = u8(h + 1);
        int pointTransform = u8(h + 2) & 0x0F;
        if (pointTransform != 0) {
            throw bad("the JPEG-LS scan uses a point transform of " + pointTransform + " bits, which is not supported");
        }
        if (ilv > 2 || (ilv == 0 && ns != 1)) {
            throw bad("the JPEG-LS scan has interleave mode " + ilv + " with " + ns + " component(s)");
        }
        p = codingParameters(scanNear);
        near = p.near();
        startScan();
        bits = new JpegLsBitReader(data, pos, p.qbpp(), errors);
        if (ilv == 2 && ns > 1) {
            decodePixels(comps);
        } else {
            decodeLines(comps);
        }
        pos = endOfScan(bits.position());
        return ns;
    }

    private int indexOf(int id) {
        for (int i = 0; i < componentIds.length; i++) {
            if (componentIds[i] == id) {
                return i;
            }
        }
        throw bad("a JPEG-LS scan names component " + id + ", which the frame does not have");
    }

    /** The constants of a scan with this NEAR, from the presets or, where they give none, the defaults. */
    private JpegLsCodingParameters codingParameters(int near) {
        if (maxVal <= 0) {
            maxVal = (1 << precision) - 1;
        }
        if (near > Math.min(255, maxVal / 2)) {
            throw bad("the JPEG-LS scan has NEAR " + near + ", more than half the largest sample " + maxVal);
        }
        if (!presetThresholds || t1 == 0 || t2 == 0 || t3 == 0) {
            // Kept in the presets, as the decoder always did: where an LSE segment left a threshold at 0, the
            // default for the first scan's NEAR stands for the frame's later scans, whatever their NEAR.
            int[] d = JpegLsCodingParameters.defaultThresholds(maxVal, near);
            t1 = presetThresholds && t1 != 0 ? t1 : d[0];
            t2 = presetThresholds && t2 != 0 ? t2 : d[1];
            t3 = presetThresholds && t3 != 0 ? t3 : d[2];
        }
        return JpegLsCodingParameters.of(maxVal, near, t1, t2, t3, reset);
    }

    /** Fresh context variables for a scan (T.87 A.2.1). */
    private void startScan() {
        int aInit = p.initialA();
        a = new int[CONTEXTS + 2];
        b = new int[CONTEXTS + 2];
        c = new int[CONTEXTS + 2];
        n = new int[CONTEXTS + 2];
        nn = new int[CONTEXTS + 2];
        java.util.Arrays.fill(a, aInit);
        java.util.Arrays.fill(n, 1);
    }

    /**
     * The lines of the scan's components: for each line, each component's line in turn (one component in mode
     * 0). Each component keeps its own previous line and run index; the context variables are the scan's.
     */
    private void decodeLines(int[] comps) {
        int ns = comps.length;
        // one sample of padding on each side: Rc of a line's first sample and Rd of its last (T.87 A.2.1)
        int[][] previous = new int[ns][width + 2];
        int[][] current = new int[ns][width + 2];
        int[] runIndexes = new int[ns]; // one per component in line-interleaved scans
        for (int y = 0; y < height; y++) {
            for (int s = 0; s < ns; s++) {
                int[] prev = previous[s];
                int[] cur = current[s];
                cur[0] = prev[1];
                prev[width + 1] = prev[width];
                runIndex = runIndexes[s];
                decodeLine(prev, cur);
                runIndexes[s] = runIndex;
                int comp = comps[s];
                int base = y * width * componentCount + comp;
                for (int x = 0; x < width; x++) {
                    samples[base + x * componentCount] = cur[x + 1];
                }
                previous[s] = cur;
                current[s] = prev;
            }
        }
    }

    /**
     * A sample-interleaved scan (mode 2): each pixel's components in turn. A pixel whose components are all flat
     * around it starts a run of whole pixels; a run's interruption codes each component against the sample above
     * it, in the first run-interruption context (T.87 A.7, as CharLS, which DCMTK uses, does).
     */
    private void decodePixels(int[] comps) {
        int ns = comps.length;
        int[][] previous = new int[ns][width + 2];
        int[][] current = new int[ns][width + 2];
        int[][] d = new int[ns][3];
        runIndex = 0;
        for (int y = 0; y < height; y++) {
            for (int s = 0; s < ns; s++) {
                current[s][0] = previous[s][1];
                previous[s][width + 1] = previous[s][width];
            }
            int x = 1;
            while (x <= width) {
                boolean flat = true;
                for (int s = 0; s < ns; s++) {
                    int[] prev = previous[s];
                    d[s][0] = prev[x + 1] - prev[x];
                    d[s][1] = prev[x] - prev[x - 1];
                    d[s][2] = prev[x - 1] - current[s][x - 1];
                    flat &= Math.abs(d[s][0]) <= near && Math.abs(d[s][1]) <= near && Math.abs(d[s][2]) <= near;
                }
                if (!flat) {
                    for (int s = 0; s < ns; s++) {
                        current[s][x] = regular(current[s][x - 1], previous[s][x], previous[s][x - 1], d[s][0],
                                d[s][1], d[s][2]);
                    }
                    x++;
                    continue;
                }
                int left = width - x + 1;
                int count = runLength(left);
                for (int s = 0; s < ns; s++) {
                    java.util.Arrays.fill(current[s], x, x + count, current[s][x - 1]);
                }
                x += count;
                if (count == left) {
                    break;
                }
                for (int s = 0; s < ns; s++) {
                    current[s][x] = interruption(current[s][x - 1], previous[s][x], 0);
                }
                runIndex = Math.max(0, runIndex - 1);
                x++;
            }
            for (int s = 0; s < ns; s++) {
                int base = y * width * componentCount + comps[s];
                for (int i = 0; i < width; i++) {
                    samples[base + i * componentCount] = current[s][i + 1];
                }
                int[] swap = previous[s];
                previous[s] = current[s];
                current[s] = swap;
            }
        }
    }

    /** One line; {@code prev} and {@code cur} hold samples at 1..width. */
    private void decodeLine(int[] prev, int[] cur) {
        int x = 1;
        while (x <= width) {
            int ra = cur[x - 1];
            int rb = prev[x];
            int rc = prev[x - 1];
            int rd = prev[x + 1];
            int d1 = rd - rb;
            int d2 = rb - rc;
            int d3 = rc - ra;
            if (Math.abs(d1) <= near && Math.abs(d2) <= near && Math.abs(d3) <= near) {
                // run mode (T.87 A.7): a run of Ra, then perhaps an interruption sample
                int left = width - x + 1;
                int count = runLength(left);
                java.util.Arrays.fill(cur, x, x + count, ra);
                x += count;
                if (count == left) {
                    break;
                }
                cur[x] = interruption(ra, prev[x], Math.abs(ra - prev[x]) <= near ? 1 : 0);
                runIndex = Math.max(0, runIndex - 1);
                x++;
            } else {
                cur[x] = regular(ra, rb, rc, d1, d2, d3);
                x++;
            }
        }
    }

    /**
     * The length of a run of at most {@code left} samples (T.87 A.7.1.2): {@code left} when it reaches the end of
     * the line, else fewer, and an interruption sample follows.
     */
    private int runLength(int left) {
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
            throw bad("a JPEG-LS run goes past the end of its line");
        }
        return count;
    }

    /** A sample in regular mode (T.87 A.3 to A.6). */
    private int regular(int ra, int rb, int rc, int d1, int d2, int d3) {
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
        px = Math.max(0, Math.min(p.maxVal(), px));
        int k = 0;
        while ((n[q] << k) < a[q]) {
            k++;
        }
        int mErr = bits.golomb(k, p.limit());
        int err;
        if (near == 0 && k == 0 && 2 * b[q] <= -n[q]) {
            err = (mErr & 1) != 0 ? (mErr - 1) >> 1 : -(mErr >> 1) - 1;
        } else {
            err = (mErr & 1) == 0 ? mErr >> 1 : -((mErr + 1) >> 1);
        }
        updateRegular(q, err);
        return p.reconstruct(px, sign * err);
    }

    private int quantize(int d) {
        if (d <= -p.t3()) {
            return -4;
        }
        if (d <= -p.t2()) {
            return -3;
        }
        if (d <= -p.t1()) {
            return -2;
        }
        if (d < -near) {
            return -1;
        }
        if (d <= near) {
            return 0;
        }
        if (d < p.t1()) {
            return 1;
        }
        if (d < p.t2()) {
            return 2;
        }
        if (d < p.t3()) {
            return 3;
        }
        return 4;
    }

    /** T.87 A.6: the context's error statistics and its bias correction. */
    private void updateRegular(int q, int err) {
        b[q] += err * (2 * near + 1);
        a[q] += Math.abs(err);
        if (n[q] == p.reset()) {
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

    /** The sample that ends a run before its line does (T.87 A.7.2), of run-interruption type {@code riType}. */
    private int interruption(int ra, int rb, int riType) {
        int q = CONTEXTS + riType;
        int px = riType == 1 ? ra : rb;
        int sign = riType == 0 && ra > rb ? -1 : 1;
        int temp = riType == 0 ? a[q] : a[q] + (n[q] >> 1);
        int k = 0;
        while ((n[q] << k) < temp) {
            k++;
        }
        int emErr = bits.golomb(k, p.limit() - J[runIndex] - 1);
        int t = emErr + riType;
        boolean map = (t & 1) != 0;
        int abs = (t + (map ? 1 : 0)) >> 1;
        int err = (k != 0 || 2 * nn[q] >= n[q]) == map ? -abs : abs;
        if (err < 0) {
            nn[q]++;
        }
        a[q] += (emErr + 1 - riType) >> 1;
        if (n[q] == p.reset()) {
            a[q] >>= 1;
            n[q] >>= 1;
            nn[q] >>= 1;
        }
        n[q]++;
        return p.reconstruct(px, sign * err);
    }

    /**
     * Where the marker after a scan starts, searching from {@code from}, the first byte its coded data left
     * unread: the scan's last byte may be padded, or followed by a stuffed byte.
     */
    private int endOfScan(int from) {
        int p = from;
        while (p + 1 < data.length && !(u8(p) == 0xFF && u8(p + 1) >= 0x80)) {
            p++;
        }
        if (p + 1 >= data.length) {
            throw bad("the JPEG-LS data has no end-of-image marker (FF D9) after its scan");
        }
        return p;
    }

    /** The next marker's code, from {@code pos} (left after it). */
    private int nextMarker() {
        while (pos + 1 < data.length) {
            if (u8(pos) == 0xFF && u8(pos + 1) != 0xFF && u8(pos + 1) != 0x00) {
                int m = u8(pos + 1);
                pos += 2;
                return m;
            }
            pos++;
        }
        throw bad("the JPEG-LS data has no end-of-image marker (FF D9)");
    }

    private int u8(int at) {
        if (at >= data.length) {
            throw bad("the JPEG-LS data ends in the middle of a marker segment");
        }
        return data[at] & 0xFF;
    }

    private int u16(int at) {
        return (u8(at) << 8) | u8(at + 1);
    }

    private static String hex(int v) {
        return String.format("%02X", v);
    }

    private BadInputException bad(String problem) {
        return errors.bad(problem);
    }
}
