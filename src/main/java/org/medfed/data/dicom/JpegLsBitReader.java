package org.medfed.data.dicom;

/**
 * The coded data of one JPEG-LS scan, read as bits and as the limited-length Golomb codes made of them. Unlike
 * T.81's byte stuffing (FF 00), a byte after FF carries only 7 bits (T.87 A.1), so FF followed by a byte of 80 or
 * more can only be a marker: the scan has ended.
 */
final class JpegLsBitReader {

    private static final int MAX_GOLOMB_PARAMETER = 24;

    private final byte[] data;
    private final int qbpp;
    private final FrameErrors errors;
    private int pos;
    private long acc;
    private int accBits;
    private boolean afterFf;

    /** Reads from {@code start}, where the scan header ends; {@code qbpp} is the scan's (for escape codes). */
    JpegLsBitReader(byte[] data, int start, int qbpp, FrameErrors errors) {
        this.data = data;
        this.pos = start;
        this.qbpp = qbpp;
        this.errors = errors;
    }

    /** Where the first byte not yet read is. */
    int position() {
        return pos;
    }

    /**
     * The Golomb parameter of a context (T.87 A.5.1): the least k with n 2^k >= a. Compared in 64 bits: a corrupt
     * scan can feed a context errors until a exceeds 2^30 n, past which an int shift wraps round and the search never
     * ends. Errors of samples of at most 16 bits keep k under 18; a larger one is refused as corrupt data.
     */
    int golombParameter(int n, int a) {
        int k = 0;
        while (((long) n << k) < a) {
            k++;
            if (k > MAX_GOLOMB_PARAMETER) {
                throw errors.bad("the JPEG-LS data is corrupt (a context's mean error beyond any 16-bit sample's)");
            }
        }
        return k;
    }

    /** A limited-length Golomb code (T.87 A.5.3). */
    int golomb(int k, int glimit) {
        int zeros = 0;
        while (readBit() == 0) {
            zeros++;
            if (zeros > 64) {
                throw errors.bad("the JPEG-LS data is corrupt (a code of more than 64 bits)");
            }
        }
        if (zeros >= glimit - qbpp - 1) {
            return readBits(qbpp) + 1;
        }
        return k == 0 ? zeros : (zeros << k) + readBits(k);
    }

    int readBit() {
        return readBits(1);
    }

    int readBits(int count) {
        while (accBits < count) {
            if (pos >= data.length) {
                throw errors.bad("the JPEG-LS data ends in the middle of a scan");
            }
            int v = data[pos] & 0xFF;
            if (afterFf && v >= 0x80) {
                throw errors.bad("the JPEG-LS scan ends early (a marker FF " + hex(v)
                        + " where coded data was expected)");
            }
            pos++;
            int bits = afterFf ? 7 : 8;
            acc = (acc << bits) | v;
            accBits += bits;
            afterFf = v == 0xFF;
        }
        accBits -= count;
        return (int) ((acc >>> accBits) & ((1L << count) - 1));
    }

    private static String hex(int v) {
        return String.format("%02X", v);
    }
}
