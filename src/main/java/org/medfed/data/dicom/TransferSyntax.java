package org.medfed.data.dicom;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The transfer syntaxes we know by UID: how the dataset is encoded and how its pixel data is compressed.
 * Some are listed only so that an error can name them ({@link #pixelsSupported()} false).
 */
public enum TransferSyntax {
    IMPLICIT_VR_LE("1.2.840.10008.1.2", "Implicit VR Little Endian", Pixels.NATIVE),
    EXPLICIT_VR_LE("1.2.840.10008.1.2.1", "Explicit VR Little Endian", Pixels.NATIVE),
    DEFLATED_EXPLICIT_VR_LE("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", Pixels.NATIVE),
    EXPLICIT_VR_BE("1.2.840.10008.1.2.2", "Explicit VR Big Endian", Pixels.NATIVE),
    RLE_LOSSLESS("1.2.840.10008.1.2.5", "RLE Lossless", Pixels.RLE),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", Pixels.JPEG),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", Pixels.JPEG),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", Pixels.JPEG),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless, First-Order Prediction (Process 14, SV1)",
            Pixels.JPEG),
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless", Pixels.JPEG_2000),
    JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000", Pixels.JPEG_2000),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", Pixels.JPEG_LS),
    JPEG_LS_NEAR_LOSSLESS("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless)", Pixels.JPEG_LS),

    JPEG_2000_PART2_LOSSLESS("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Lossless",
            Pixels.UNSUPPORTED),
    JPEG_2000_PART2("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component", Pixels.UNSUPPORTED),
    JPIP_REFERENCED("1.2.840.10008.1.2.4.94", "JPIP Referenced", Pixels.UNSUPPORTED),
    JPIP_REFERENCED_DEFLATE("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate", Pixels.UNSUPPORTED),
    MPEG2_MAIN("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile", Pixels.UNSUPPORTED),
    MPEG2_HIGH("1.2.840.10008.1.2.4.101", "MPEG2 High Profile", Pixels.UNSUPPORTED),
    MPEG4_HIGH("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile", Pixels.UNSUPPORTED),
    MPEG4_HIGH_BD("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile", Pixels.UNSUPPORTED),
    HEVC_MAIN("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile", Pixels.UNSUPPORTED),
    HTJ2K_LOSSLESS("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Lossless", Pixels.UNSUPPORTED),
    HTJ2K_RPCL("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 RPCL Lossless", Pixels.UNSUPPORTED),
    HTJ2K("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000", Pixels.UNSUPPORTED);

    /** How the pixel data of a syntax is decoded. */
    public enum Pixels { NATIVE, RLE, JPEG, JPEG_2000, JPEG_LS, UNSUPPORTED }

    private static final Map<String, TransferSyntax> BY_UID = new HashMap<>();

    static {
        for (TransferSyntax ts : values()) {
            BY_UID.put(ts.uid, ts);
        }
    }

    private final String uid;
    private final String displayName;
    private final Pixels pixels;

    TransferSyntax(String uid, String displayName, Pixels pixels) {
        this.uid = uid;
        this.displayName = displayName;
        this.pixels = pixels;
    }

    public static Optional<TransferSyntax> forUid(String uid) {
        return Optional.ofNullable(BY_UID.get(uid));
    }

    public String uid() {
        return uid;
    }

    public String displayName() {
        return displayName;
    }

    public Pixels pixels() {
        return pixels;
    }

    public boolean pixelsSupported() {
        return pixels != Pixels.UNSUPPORTED;
    }

    /** Only the default syntax writes no VR. */
    public boolean explicitVr() {
        return this != IMPLICIT_VR_LE;
    }

    public boolean bigEndian() {
        return this == EXPLICIT_VR_BE;
    }

    public boolean deflated() {
        return this == DEFLATED_EXPLICIT_VR_LE;
    }

    /** Pixel data held as fragments (PS3.5 A.4) rather than one native value. */
    public boolean encapsulated() {
        return pixels != Pixels.NATIVE;
    }

    /** "1.2.840.10008.1.2.4.80 (JPEG-LS Lossless)", as errors and reports name a syntax. */
    public String describe() {
        return uid + " (" + displayName + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
