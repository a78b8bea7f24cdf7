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
 *
 * <p>This class reads the marker segments (the SOF55 frame header, LSE presets, SOS scan headers) and hands each
 * scan's coded data to {@link JpegLsScan}, which decodes its samples in {@link JpegLsRegularMode} and
 * {@link JpegLsRunMode} from a {@link JpegLsBitReader}.
 */
final class JpegLsDecoder {

    record Decoded(int[] samples, int width, int height, int components) {
    }

    private final byte[] data;
    private final FrameErrors errors;
    private final long expectedSamples;
    private int pos;

    private int precision;
    private int width;
    private int height;
    private int componentCount;
    private int[] componentIds;
    private int[] samples;
    // the presets (LSE), which stand until the next LSE segment
    private int maxVal;
    private int t1;
    private int t2;
    private int t3;
    private int reset = 64;
    private boolean presetThresholds;

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
        int p = at + 1 + 2 * ns;
        int near = u8(p);
        int ilv = u8(p + 1);
        int pointTransform = u8(p + 2) & 0x0F;
        if (pointTransform != 0) {
            throw bad("the JPEG-LS scan uses a point transform of " + pointTransform + " bits, which is not supported");
        }
        if (ilv > 2 || (ilv == 0 && ns != 1)) {
            throw bad("the JPEG-LS scan has interleave mode " + ilv + " with " + ns + " component(s)");
        }
        JpegLsCodingParameters params = codingParameters(near);
        JpegLsBitReader bits = new JpegLsBitReader(data, pos, params.qbpp(), errors);
        JpegLsScan scan = new JpegLsScan(width, height, componentCount, samples, params, bits, errors);
        if (ilv == 2 && ns > 1) {
            scan.decodePixels(comps);
        } else {
            scan.decodeLines(comps);
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
        return JpegLsCodingParameters.of(maxVal, near, t1, t2, t3, reset); // 0 until an LSE segment sets them
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
