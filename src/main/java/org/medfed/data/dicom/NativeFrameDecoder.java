package org.medfed.data.dicom;

import java.nio.file.Path;
import org.medfed.engine.BadInputException;

/** Uncompressed pixel data: 1, 8, 16 or 32 bits per sample, either byte order, either planar configuration. */
final class NativeFrameDecoder implements FrameDecoder {

    private final PixelFormat fmt;
    private final byte[] data;
    private final boolean bigEndian;

    NativeFrameDecoder(PixelFormat fmt, DicomElement pixelData, Path source) {
        this.fmt = fmt;
        this.bigEndian = pixelData.bigEndian();
        long needed = ((long) fmt.samplesPerFrame() * fmt.frames() * fmt.bitsAllocated() + 7) / 8;
        byte[] bytes = pixelData.value();
        if (bytes.length < needed) {
            throw new BadInputException(source, "tag " + Tag.describe(Tag.PixelData),
                    "holds " + bytes.length + " bytes, but " + fmt.frames() + " frame(s) of " + fmt.rows() + " x "
                            + fmt.columns() + " pixels with " + fmt.samplesPerPixel() + " sample(s) of "
                            + fmt.bitsAllocated() + " bits need " + needed);
        }
        if (bigEndian && fmt.bitsAllocated() == 8 && pixelData.vr() == Vr.OW) {
            // in big endian, 8-bit samples held as OW words come byte-swapped in pairs (PS3.5 8.2)
            byte[] swapped = bytes.clone();
            for (int i = 0; i + 1 < swapped.length; i += 2) {
                byte t = swapped[i];
                swapped[i] = swapped[i + 1];
                swapped[i + 1] = t;
            }
            bytes = swapped;
        }
        this.data = bytes;
    }

    @Override
    public int[] decode(int frame) {
        int n = fmt.samplesPerFrame();
        int[] out = new int[n];
        long firstSample = (long) frame * n;
        int bits = fmt.bitsAllocated();
        for (int i = 0; i < n; i++) {
            long s = firstSample + i;
            long allocated = switch (bits) {
                case 1 -> (data[(int) (s >>> 3)] >>> (s & 7)) & 1;
                case 8 -> data[(int) s] & 0xFF;
                case 16 -> ValueCodec.u16(data, (int) (s * 2), bigEndian);
                default -> ValueCodec.s32(data, (int) (s * 4), bigEndian) & 0xFFFFFFFFL;
            };
            out[i] = fmt.storedValue(allocated);
        }
        if (fmt.samplesPerPixel() > 1 && fmt.planarConfiguration() == 1) {
            return Interleave.fromPlanar(out, fmt.samplesPerPixel());
        }
        return out;
    }
}
