package org.medfed.data.dicom;

import java.nio.file.Path;
import java.util.List;
import org.medfed.engine.BadInputException;

/**
 * RLE Lossless (PS3.5 Annex G): each frame is a 64-byte header and up to 15 PackBits segments, one per
 * byte of each sample, most significant byte first. No Maven Central library decodes DICOM RLE, and the
 * scheme is a few lines, so it is written here.
 */
final class RleFrameDecoder implements FrameDecoder {

    private final PixelFormat fmt;
    private final List<byte[]> frames;
    private final Path source;

    RleFrameDecoder(PixelFormat fmt, DicomElement pixelData, Path source) {
        this.fmt = fmt;
        this.source = source;
        if (fmt.bitsAllocated() == 1) {
            throw new BadInputException(source, "tag " + Tag.describe(Tag.BitsAllocated),
                    "1-bit images cannot be RLE compressed");
        }
        this.frames = EncapsulatedFrames.split(pixelData.fragments(), fmt.frames(), source);
    }

    @Override
    public int[] decode(int frame) {
        byte[] rle = frames.get(frame);
        int bytesPerSample = fmt.bitsAllocated() / 8;
        int expected = fmt.samplesPerPixel() * bytesPerSample;
        if (rle.length < 64) {
            throw bad(frame, "its RLE header is incomplete (" + rle.length + " bytes, 64 expected)");
        }
        int segments = ValueCodec.s32(rle, 0, false);
        if (segments != expected) {
            throw bad(frame, "its RLE header lists " + segments + " segments, but " + fmt.samplesPerPixel()
                    + " sample(s) of " + fmt.bitsAllocated() + " bits need " + expected);
        }
        int pixels = fmt.pixelsPerFrame();
        long[] values = new long[pixels * fmt.samplesPerPixel()];
        byte[] plane = new byte[pixels];
        for (int seg = 0; seg < segments; seg++) {
            int start = ValueCodec.s32(rle, 4 + 4 * seg, false);
            int end = seg + 1 < segments ? ValueCodec.s32(rle, 8 + 4 * seg, false) : rle.length;
            if (start < 64 || end > rle.length || start > end) {
                throw bad(frame, "RLE segment " + (seg + 1) + " lies outside the frame's data");
            }
            unpack(rle, start, end, plane, frame, seg);
            int sample = seg / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - seg % bytesPerSample);
            for (int p = 0; p < pixels; p++) {
                values[p * fmt.samplesPerPixel() + sample] |= (long) (plane[p] & 0xFF) << shift;
            }
        }
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fmt.storedValue(values[i]);
        }
        return out;
    }

    /** PackBits: n in 0..127 copies n+1 literal bytes; n in -127..-1 repeats the next byte 1-n times. */
    private void unpack(byte[] in, int start, int end, byte[] out, int frame, int seg) {
        int i = start;
        int o = 0;
        while (o < out.length && i < end) {
            int n = in[i++];
            if (n >= 0) {
                int count = n + 1;
                if (i + count > end || o + count > out.length) {
                    throw bad(frame, "RLE segment " + (seg + 1) + " overruns its data");
                }
                System.arraycopy(in, i, out, o, count);
                i += count;
                o += count;
            } else if (n != -128) {
                int count = 1 - n;
                if (i >= end || o + count > out.length) {
                    throw bad(frame, "RLE segment " + (seg + 1) + " overruns its data");
                }
                byte b = in[i++];
                for (int k = 0; k < count; k++) {
                    out[o++] = b;
                }
            }
        }
        if (o < out.length) {
            throw bad(frame, "RLE segment " + (seg + 1) + " decodes to " + o + " bytes, " + out.length + " expected");
        }
    }

    private BadInputException bad(int frame, String problem) {
        return new FrameErrors(source, frame).bad(problem);
    }
}
