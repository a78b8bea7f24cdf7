package org.medfed.data.dicom;

import java.nio.file.Path;
import org.medfed.engine.BadInputException;

/**
 * Sequential Huffman DCT JPEG with 12-bit samples (ITU-T T.81 process 4, DICOM "JPEG Extended" .51).
 *
 * <p>Written by hand because neither TwelveMonkeys nor the JDK decoder accepts a precision of 12 ("Unsupported
 * JPEG data precision 12") and no other pure Java decoder is on Maven Central. It follows T.81 Annex F (Huffman
 * decoding, restart markers) and uses a separable floating-point inverse DCT rounded to the nearest integer,
 * so samples can differ by one from libjpeg's integer IDCT: this is lossy data either way.
 */
final class Jpeg12BitDecoder {

    private static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14,
        21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53,
        60, 61, 54, 47, 55, 62, 63};
    private static final double[][] COS = new double[8][8];

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                double c = u == 0 ? StrictMath.sqrt(0.5) : 1.0;
                COS[x][u] = c * StrictMath.cos((2 * x + 1) * u * Math.PI / 16) / 2; // same table on every JVM
            }
        }
    }

    /** A canonical Huffman table (T.81 Annex C) decoded with the maxcode / valptr scheme of F.2.2.3. */
    private static final class Huffman {
        final int[] maxCode = new int[18];
        final int[] valPtr = new int[17];
        final int[] minCode = new int[17];
        final int[] values;

        Huffman(int[] counts, int[] values) {
            this.values = values;
            int code = 0;
            int k = 0;
            for (int len = 1; len <= 16; len++) {
                valPtr[len] = k;
                minCode[len] = code;
                code += counts[len - 1];
                k += counts[len - 1];
                maxCode[len] = counts[len - 1] == 0 ? -1 : code - 1;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }
    }

    private static final class Component {
        int id;
        int h;
        int v;
        int tq;
        int td;
        int ta;
        int blocksWide;
        int blocksHigh;
        int[] plane;
        int dcPred;
    }

    private final byte[] data;
    private final Path source;
    private final int frame;
    private int pos;
    private final int[][] quant = new int[4][];
    private final Huffman[] dcTables = new Huffman[4];
    private final Huffman[] acTables = new Huffman[4];
    private Component[] components;
    private int width;
    private int height;
    private int precision;
    private int restartInterval;
    private int bitBuffer;
    private int bitCount;

    private Jpeg12BitDecoder(byte[] data, Path source, int frame) {
        this.data = data;
        this.source = source;
        this.frame = frame;
    }

    /** True when the codestream's frame header is a Huffman DCT one with 12-bit precision. */
    static boolean isTwelveBitDct(byte[] jpeg) {
        int p = 2;
        while (p + 4 < jpeg.length) {
            if ((jpeg[p] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = jpeg[p + 1] & 0xFF;
            if (marker == 0xC0 || marker == 0xC1) {
                return p + 4 < jpeg.length && (jpeg[p + 4] & 0xFF) == 12;
            }
            if (marker == 0xDA || (marker >= 0xC2 && marker <= 0xCF && marker != 0xC4 && marker != 0xCC)) {
                return false;
            }
            p += 2 + (((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF));
        }
        return false;
    }

    /** A decoded codestream: samples interleaved per pixel, and the size the codestream declares. */
    record Decoded(int[] samples, int width, int height, int components) {
    }

    static Decoded decode(byte[] jpeg, Path source, int frame) {
        try {
            return new Jpeg12BitDecoder(jpeg, source, frame).run();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new FrameErrors(source, frame).bad("the 12-bit JPEG data ends early or is damaged");
        }
    }

    private Decoded run() {
        if (u8() != 0xFF || u8() != 0xD8) {
            throw bad("the JPEG data does not start with a start-of-image marker");
        }
        while (true) {
            int marker = nextMarker();
            switch (marker) {
                case 0xD9 -> throw bad("the JPEG data has no scan");
                case 0xDB -> readQuantTables();
                case 0xC4 -> readHuffmanTables();
                case 0xC0, 0xC1 -> readFrameHeader();
                case 0xDD -> {
                    u16();
                    restartInterval = u16();
                }
                case 0xDA -> {
                    readScan();
                    return new Decoded(assemble(), width, height, components.length);
                }
                default -> {
                    if (marker >= 0xC2 && marker <= 0xCF) {
                        throw bad("progressive, lossless or arithmetic-coded 12-bit JPEG is not supported");
                    }
                    pos += u16() - 2;
                }
            }
        }
    }

    private int nextMarker() {
        int b = u8();
        while (b != 0xFF) {
            b = u8();
        }
        int m = u8();
        while (m == 0xFF) {
            m = u8();
        }
        return m;
    }

    private void readQuantTables() {
        int end = pos + u16();
        while (pos < end) {
            int pqtq = u8();
            int[] table = new int[64];
            for (int i = 0; i < 64; i++) {
                table[ZIGZAG[i]] = (pqtq >> 4) == 0 ? u8() : u16();
            }
            quant[pqtq & 3] = table;
        }
    }

    private void readHuffmanTables() {
        int end = pos + u16();
        while (pos < end) {
            int tcth = u8();
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = u8();
                total += counts[i];
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = u8();
            }
            Huffman h = new Huffman(counts, values);
            if ((tcth >> 4) == 0) {
                dcTables[tcth & 3] = h;
            } else {
                acTables[tcth & 3] = h;
            }
        }
    }

    private void readFrameHeader() {
        u16();
        precision = u8();
        height = u16();
        width = u16();
        int n = u8();
        if (height == 0) {
            throw bad("JPEG with the height given after the first scan (DNL) is not supported");
        }
        components = new Component[n];
        int hMax = 1;
        int vMax = 1;
        for (int i = 0; i < n; i++) {
            Component c = new Component();
            c.id = u8();
            int hv = u8();
            c.h = hv >> 4;
            c.v = hv & 15;
            c.tq = u8();
            hMax = Math.max(hMax, c.h);
            vMax = Math.max(vMax, c.v);
            components[i] = c;
        }
        int mcusX = (width + 8 * hMax - 1) / (8 * hMax);
        int mcusY = (height + 8 * vMax - 1) / (8 * vMax);
        for (Component c : components) {
            c.blocksWide = n == 1 ? (width + 7) / 8 : mcusX * c.h;
            c.blocksHigh = n == 1 ? (height + 7) / 8 : mcusY * c.v;
            c.plane = new int[c.blocksWide * 8 * c.blocksHigh * 8];
        }
    }

    private void readScan() {
        if (components == null) {
            throw bad("the JPEG scan comes before its frame header");
        }
        u16();
        int ns = u8();
        Component[] scan = new Component[ns];
        for (int i = 0; i < ns; i++) {
            int id = u8();
            int tables = u8();
            for (Component c : components) {
                if (c.id == id) {
                    scan[i] = c;
                }
            }
            if (scan[i] == null) {
                throw bad("the JPEG scan names a component the frame does not have");
            }
            scan[i].td = tables >> 4;
            scan[i].ta = tables & 15;
        }
        pos += 3;
        if (ns != components.length) {
            throw bad("12-bit JPEG with one scan per component is not supported");
        }
        int mcusX;
        int mcusY;
        if (ns == 1) {
            mcusX = scan[0].blocksWide;
            mcusY = scan[0].blocksHigh;
        } else {
            mcusX = scan[0].blocksWide / scan[0].h;
            mcusY = scan[0].blocksHigh / scan[0].v;
        }
        int[] block = new int[64];
        int mcu = 0;
        for (int my = 0; my < mcusY; my++) {
            for (int mx = 0; mx < mcusX; mx++) {
                if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                    restart(scan);
                }
                for (Component c : scan) {
                    int bh = ns == 1 ? 1 : c.h;
                    int bv = ns == 1 ? 1 : c.v;
                    for (int by = 0; by < bv; by++) {
                        for (int bx = 0; bx < bh; bx++) {
                            decodeBlock(c, block);
                            idct(c, block, (mx * bh + bx) * 8, (my * bv + by) * 8);
                        }
                    }
                }
                mcu++;
            }
        }
    }

    private void restart(Component[] scan) {
        bitCount = 0;
        bitBuffer = 0;
        int m = nextMarker();
        if (m < 0xD0 || m > 0xD7) {
            throw bad("expected a JPEG restart marker, found 0xFF" + Integer.toHexString(m).toUpperCase());
        }
        for (Component c : scan) {
            c.dcPred = 0;
        }
    }

    private void decodeBlock(Component c, int[] block) {
        java.util.Arrays.fill(block, 0);
        int[] q = quant[c.tq];
        Huffman dc = dcTables[c.td];
        Huffman ac = acTables[c.ta];
        if (q == null || dc == null || ac == null) {
            throw bad("the JPEG data lacks a quantisation or Huffman table it uses");
        }
        int t = decodeSymbol(dc);
        c.dcPred += t == 0 ? 0 : extend(bits(t), t);
        block[0] = c.dcPred * q[0];
        for (int k = 1; k < 64; ) {
            int rs = decodeSymbol(ac);
            int r = rs >> 4;
            int s = rs & 15;
            if (s == 0) {
                if (r != 15) {
                    break;
                }
                k += 16;
                continue;
            }
            k += r;
            if (k > 63) {
                throw bad("a JPEG block has more than 64 coefficients: the data is damaged");
            }
            int z = ZIGZAG[k];
            block[z] = extend(bits(s), s) * q[z];
            k++;
        }
    }

    private void idct(Component c, int[] block, int x0, int y0) {
        double[] tmp = new double[64];
        for (int y = 0; y < 8; y++) {
            for (int u = 0; u < 8; u++) {
                double sum = 0;
                for (int v = 0; v < 8; v++) {
                    sum += COS[y][v] * block[v * 8 + u];
                }
                tmp[y * 8 + u] = sum;
            }
        }
        int max = (1 << precision) - 1;
        int shift = 1 << (precision - 1);
        int stride = c.blocksWide * 8;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                double sum = 0;
                for (int u = 0; u < 8; u++) {
                    sum += COS[x][u] * tmp[y * 8 + u];
                }
                int v = (int) Math.round(sum) + shift;
                c.plane[(y0 + y) * stride + x0 + x] = Math.max(0, Math.min(max, v));
            }
        }
    }

    private int[] assemble() {
        int n = components.length;
        int hMax = 1;
        int vMax = 1;
        for (Component c : components) {
            hMax = Math.max(hMax, c.h);
            vMax = Math.max(vMax, c.v);
        }
        int[] out = new int[width * height * n];
        for (int i = 0; i < n; i++) {
            Component c = components[i];
            int stride = c.blocksWide * 8;
            // components sampled below the maximum are replicated up to full size
            int fx = n == 1 ? 1 : hMax / c.h;
            int fy = n == 1 ? 1 : vMax / c.v;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[(y * width + x) * n + i] = c.plane[(y / fy) * stride + x / fx];
                }
            }
        }
        return out;
    }

    private int decodeSymbol(Huffman h) {
        int code = bit();
        int len = 1;
        while (code > h.maxCode[len]) {
            code = (code << 1) | bit();
            len++;
            if (len > 16) {
                throw bad("an invalid Huffman code: the JPEG data is damaged");
            }
        }
        return h.values[h.valPtr[len] + code - h.minCode[len]];
    }

    private int bits(int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | bit();
        }
        return v;
    }

    private static int extend(int v, int t) {
        return v < (1 << (t - 1)) ? v - (1 << t) + 1 : v;
    }

    private int bit() {
        if (bitCount == 0) {
            int b = u8();
            if (b == 0xFF) {
                int next = u8();
                if (next != 0) {
                    throw bad("a JPEG marker 0xFF" + Integer.toHexString(next).toUpperCase()
                            + " interrupts the image data: the data is truncated or damaged");
                }
            }
            bitBuffer = b;
            bitCount = 8;
        }
        bitCount--;
        return (bitBuffer >> bitCount) & 1;
    }

    private int u8() {
        return data[pos++] & 0xFF;
    }

    private int u16() {
        return (u8() << 8) | u8();
    }

    private BadInputException bad(String problem) {
        return new FrameErrors(source, frame).bad(problem);
    }
}
