package org.medfed.data.dicom;

import java.util.Locale;
import org.medfed.engine.BadInputException;

/**
 * The Image Pixel module of a dataset (PS3.3 C.7.6.3), checked: everything needed to turn pixel data bytes
 * into numbers.
 *
 * @param rows image height
 * @param columns image width
 * @param samplesPerPixel 1 (grey) or 3 (colour)
 * @param bitsAllocated 1, 8, 16 or 32 bits per stored sample
 * @param bitsStored bits of each sample that hold the value
 * @param highBit position of the most significant stored bit
 * @param signed two's complement samples (PixelRepresentation 1)
 * @param photometric MONOCHROME1, MONOCHROME2, RGB, YBR_FULL, YBR_FULL_422, YBR_RCT, YBR_ICT, ...
 * @param planarConfiguration 0: colour samples interleaved per pixel; 1: one plane per colour
 * @param frames number of frames
 * @param rescaleSlope modality LUT slope (1 when absent)
 * @param rescaleIntercept modality LUT intercept (0 when absent)
 */
public record PixelFormat(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
        int highBit, boolean signed, String photometric, int planarConfiguration, int frames,
        double rescaleSlope, double rescaleIntercept) {

    /**
     * Most samples of one frame this reader decodes: 2^27 (a 16,384 x 8,192 grey image, or a 6,688 x 6,688 colour
     * one; the largest digital mammograms are about 4,000 x 5,000), so that one frame's decoding, at 4 bytes a
     * sample, stays within half a gigabyte.
     */
    public static final long MAX_SAMPLES_PER_FRAME = 1L << 27;
    /** Most samples of all frames of one file. */
    public static final long MAX_SAMPLES = 1L << 29;

    /** Reads and checks the pixel description of a dataset, naming the attribute that is missing or wrong. */
    public static PixelFormat of(DicomObject ds) {
        int rows = required(ds, Tag.Rows);
        int columns = required(ds, Tag.Columns);
        int spp = ds.getInt(Tag.SamplesPerPixel, 1);
        int bitsAllocated = required(ds, Tag.BitsAllocated);
        int bitsStored = ds.getInt(Tag.BitsStored, bitsAllocated);
        int highBit = ds.getInt(Tag.HighBit, bitsStored - 1);
        int representation = ds.getInt(Tag.PixelRepresentation, 0);
        String photometric = ds.getString(Tag.PhotometricInterpretation,
                spp == 1 ? "MONOCHROME2" : "RGB").toUpperCase(Locale.ROOT);
        int planar = ds.getInt(Tag.PlanarConfiguration, 0);
        int frames = ds.getInt(Tag.NumberOfFrames, 1);
        double slope = ds.getDouble(Tag.RescaleSlope, 1.0);
        double intercept = ds.getDouble(Tag.RescaleIntercept, 0.0);
        if (rows <= 0 || columns <= 0) {
            throw ds.bad(rows <= 0 ? Tag.Rows : Tag.Columns, "the image size must be positive, found "
                    + rows + " x " + columns);
        }
        if (spp != 1 && spp != 3) {
            throw ds.bad(Tag.SamplesPerPixel, "expected 1 (grey) or 3 (colour), found " + spp);
        }
        if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw ds.bad(Tag.BitsAllocated, "expected 1, 8, 16 or 32, found " + bitsAllocated);
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated) {
            throw ds.bad(Tag.BitsStored, "expected 1 to " + bitsAllocated + " (BitsAllocated), found " + bitsStored);
        }
        if (highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            throw ds.bad(Tag.HighBit, "expected " + (bitsStored - 1) + " to " + (bitsAllocated - 1) + ", found " + highBit);
        }
        if (representation != 0 && representation != 1) {
            throw ds.bad(Tag.PixelRepresentation, "expected 0 (unsigned) or 1 (signed), found " + representation);
        }
        if (planar != 0 && planar != 1) {
            throw ds.bad(Tag.PlanarConfiguration, "expected 0 or 1, found " + planar);
        }
        if (frames < 1) {
            throw ds.bad(Tag.NumberOfFrames, "expected at least 1 frame, found " + frames);
        }
        long samples = (long) rows * columns * spp;
        if (samples > MAX_SAMPLES_PER_FRAME) {
            throw ds.bad(Tag.Rows, "the image declares " + rows + " x " + columns + (spp == 3 ? " colour" : "")
                    + " pixels (" + String.format(Locale.ROOT, "%,d", samples) + " samples a frame); this reader "
                    + "decodes at most " + String.format(Locale.ROOT, "%,d", MAX_SAMPLES_PER_FRAME)
                    + " samples a frame, so the file is refused before anything is allocated");
        }
        if (samples * frames > MAX_SAMPLES) {
            throw ds.bad(Tag.NumberOfFrames, frames + " frames of " + rows + " x " + columns + " pixels ("
                    + String.format(Locale.ROOT, "%,d", samples * frames) + " samples) are more than the "
                    + String.format(Locale.ROOT, "%,d", MAX_SAMPLES) + " this reader decodes from one file");
        }
        if (slope == 0 || !Double.isFinite(slope)) {
            throw ds.bad(Tag.RescaleSlope, "a slope of " + slope + " would erase the image");
        }
        return new PixelFormat(rows, columns, spp, bitsAllocated, bitsStored, highBit, representation == 1,
                photometric, planar, frames, slope, intercept);
    }

    private static int required(DicomObject ds, int tag) {
        int v = ds.getInt(tag, Integer.MIN_VALUE);
        if (v == Integer.MIN_VALUE) {
            throw new BadInputException(ds.source(), "tag " + Tag.describe(tag),
                    "is missing, but the file has pixel data: without it the image cannot be decoded");
        }
        return v;
    }

    public int pixelsPerFrame() {
        return rows * columns;
    }

    public int samplesPerFrame() {
        return rows * columns * samplesPerPixel;
    }

    /** Bytes of one native (uncompressed) frame; bit-packed frames are rounded up to whole bytes. */
    public long nativeFrameBytes() {
        return ((long) samplesPerFrame() * bitsAllocated + 7) / 8;
    }

    public boolean monochrome() {
        return photometric.startsWith("MONOCHROME");
    }

    /** MONOCHROME1: the lowest value is displayed white. */
    public boolean inverted() {
        return "MONOCHROME1".equals(photometric);
    }

    /** The smallest and largest stored value the bits allow. */
    public long minStoredValue() {
        return signed ? -(1L << (bitsStored - 1)) : 0;
    }

    public long maxStoredValue() {
        return signed ? (1L << (bitsStored - 1)) - 1 : (1L << bitsStored) - 1;
    }

    /**
     * A sample's stored value from its allocated bits: shifted down to the high bit, masked to the stored
     * bits (dropping overlay bits that may sit above), and sign-extended when signed.
     */
    public int storedValue(long allocated) {
        long v = allocated >>> (highBit + 1 - bitsStored);
        if (bitsStored < 64) {
            v &= (1L << bitsStored) - 1;
        }
        if (signed && bitsStored < 64 && (v & (1L << (bitsStored - 1))) != 0) {
            v -= 1L << bitsStored;
        }
        return (int) v;
    }

    /** Stored value to modality units (Hounsfield units for CT). */
    public double rescale(long stored) {
        return stored * rescaleSlope + rescaleIntercept;
    }
}
