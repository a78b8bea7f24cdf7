package org.medfed.data.dicom;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.Optional;
import org.medfed.engine.BadInputException;

/**
 * The image in a DICOM file: its frames as numbers in modality units and as windowed 8-bit pictures.
 *
 * <p>{@link #frame(int)} gives {@code channels x rows x columns} floats (planar; channels is 1 for grey,
 * 3 for colour, YBR converted to RGB). MONOCHROME1 values are not inverted, since they are measurements;
 * the inversion happens only in {@link #toImage(int, Window)}. Frames are decoded on each call and not
 * cached, so a large multi-frame file costs only what is asked for. Instances are safe to share between
 * threads.
 */
public final class DicomImage {

    private final Path source;
    private final PixelFormat format;
    private final FrameDecoder decoder;
    private final DicomObject dataset;
    private final boolean ybr;

    private DicomImage(Path source, PixelFormat format, FrameDecoder decoder, DicomObject dataset, boolean ybr) {
        this.source = source;
        this.format = format;
        this.decoder = decoder;
        this.dataset = dataset;
        this.ybr = ybr;
    }

    /** Reads a file and its image. */
    public static DicomImage read(Path path) {
        return of(DicomFile.read(path));
    }

    /** The image of a file read with {@link DicomFile#read(Path)}. */
    public static DicomImage of(DicomFile file) {
        Path src = file.path();
        TransferSyntax ts = file.transferSyntax();
        if (file.pixelDataSkipped()) {
            throw new IllegalArgumentException("the file was read with readHeader(): read it with read() for pixels");
        }
        DicomElement px = file.dataset().element(Tag.PixelData);
        if (px == null) {
            String modality = file.dataset().getString(Tag.Modality);
            throw new BadInputException(src, null, "has no pixel data " + Tag.format(Tag.PixelData)
                    + (modality == null ? "" : " (it is a " + modality + " object, not an image)"));
        }
        if (!ts.pixelsSupported()) {
            throw new BadInputException(src, null, "transfer syntax " + ts.describe() + " is not supported");
        }
        PixelFormat fmt = PixelFormat.of(file.dataset());
        String pi = fmt.photometric();
        boolean ybr = pi.equals("YBR_FULL") || pi.equals("YBR_FULL_422");
        boolean supported = fmt.monochrome() ? fmt.samplesPerPixel() == 1
                : fmt.samplesPerPixel() == 3 && (pi.equals("RGB") || pi.equals("YBR_RCT") || pi.equals("YBR_ICT")
                        || (ybr && (ts.encapsulated() || pi.equals("YBR_FULL"))));
        if (!supported) {
            throw new BadInputException(src, "tag " + Tag.describe(Tag.PhotometricInterpretation),
                    "'" + pi + "' with " + fmt.samplesPerPixel() + " sample(s) per pixel"
                            + (ts.encapsulated() ? "" : " in uncompressed data") + " is not supported; expected "
                            + "MONOCHROME1, MONOCHROME2, RGB or YBR_FULL");
        }
        FrameDecoder decoder = switch (ts.pixels()) {
            case NATIVE -> {
                if (px.isFragments()) {
                    throw new BadInputException(src, "tag " + Tag.describe(Tag.PixelData),
                            "is encapsulated, but transfer syntax " + ts.describe() + " stores pixels uncompressed");
                }
                yield new NativeFrameDecoder(fmt, px, src);
            }
            case RLE -> new RleFrameDecoder(fmt, requireFragments(px, ts, src), src);
            case JPEG, JPEG_2000, JPEG_LS -> new CompressedFrameDecoder(fmt, requireFragments(px, ts, src), ts, src);
            case UNSUPPORTED -> throw new IllegalStateException("unreachable");
        };
        return new DicomImage(src, fmt, decoder, file.dataset(), ybr);
    }

    private static DicomElement requireFragments(DicomElement px, TransferSyntax ts, Path src) {
        if (!px.isFragments()) {
            throw new BadInputException(src, "tag " + Tag.describe(Tag.PixelData), "transfer syntax "
                    + ts.describe() + " needs encapsulated pixel data, but the value is a single block");
        }
        return px;
    }

    public PixelFormat format() {
        return format;
    }

    public Path source() {
        return source;
    }

    public int rows() {
        return format.rows();
    }

    public int columns() {
        return format.columns();
    }

    public int frameCount() {
        return format.frames();
    }

    /** 1 for grey images, 3 for colour (RGB after conversion). */
    public int channels() {
        return format.samplesPerPixel();
    }

    /** Stored sample values of a frame, interleaved per pixel, before rescale and colour conversion. */
    public int[] storedValues(int frame) {
        checkFrame(frame);
        int[] v = decoder.decode(frame);
        if (v.length != format.samplesPerFrame()) {
            // a decoder's own checks should catch this; never let a wrong size turn into an index error
            throw new FrameErrors(source, frame).bad("decodes to " + v.length + " samples, but the file describes "
                    + format.samplesPerFrame());
        }
        return v;
    }

    /**
     * A frame in modality units ({@code stored * RescaleSlope + RescaleIntercept}) for grey images; RGB
     * (0..255 for 8-bit) for colour. Laid out channels x rows x columns.
     */
    public float[] frame(int frame) {
        int[] stored = storedValues(frame);
        int pixels = format.pixelsPerFrame();
        int channels = channels();
        float[] out = new float[stored.length];
        boolean unsigned32 = !format.signed() && format.bitsStored() == 32;
        if (channels == 1) {
            for (int i = 0; i < pixels; i++) {
                double v = unsigned32 ? Integer.toUnsignedLong(stored[i]) : stored[i];
                out[i] = (float) format.rescale((long) v);
            }
            return out;
        }
        double max = format.maxStoredValue();
        double half = (max + 1) / 2;
        for (int p = 0; p < pixels; p++) {
            double a = stored[p * 3];
            double b = stored[p * 3 + 1];
            double c = stored[p * 3 + 2];
            if (ybr) {
                // YBR_FULL to RGB, PS3.3 C.7.6.3.1.2
                double y = a;
                double cb = b - half;
                double cr = c - half;
                a = clamp(y + 1.402 * cr, max);
                b = clamp(y - 0.344136 * cb - 0.714136 * cr, max);
                c = clamp(y + 1.772 * cb, max);
            }
            out[p] = (float) a;
            out[pixels + p] = (float) b;
            out[2 * pixels + p] = (float) c;
        }
        return out;
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, Math.rint(v)));
    }

    /** The first window of the file (WindowCenter / WindowWidth), if it has a usable one. */
    public Optional<Window> fileWindow() {
        double[] c = dataset.getDoubles(Tag.WindowCenter);
        double[] w = dataset.getDoubles(Tag.WindowWidth);
        if (c.length == 0 || w.length == 0 || !(w[0] >= 1)) {
            return Optional.empty();
        }
        return Optional.of(new Window(c[0], w[0]));
    }

    /** The file's window; without one, the frame's min/max for grey images and the full range for colour. */
    public Window defaultWindow(int frame) {
        Optional<Window> w = fileWindow();
        if (w.isPresent() && channels() == 1) {
            return w.get();
        }
        if (channels() == 3) {
            return Window.minMax(0, format.maxStoredValue());
        }
        float[] v = frame(frame);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return Window.minMax(min, max);
    }

    /** A frame as an 8-bit picture: grey (inverted for MONOCHROME1) or RGB, through the window. */
    public BufferedImage toImage(int frame, Window window) {
        float[] v = frame(frame);
        int w = columns();
        int h = rows();
        int pixels = w * h;
        if (channels() == 1) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            WritableRaster r = img.getRaster();
            int[] grey = new int[pixels];
            for (int i = 0; i < pixels; i++) {
                int g = window.grey(v[i]);
                grey[i] = format.inverted() ? 255 - g : g;
            }
            r.setPixels(0, 0, w, h, grey);
            return img;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[pixels * 3];
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < 3; c++) {
                rgb[p * 3 + c] = window.grey(v[c * pixels + p]);
            }
        }
        img.getRaster().setPixels(0, 0, w, h, rgb);
        return img;
    }

    private void checkFrame(int frame) {
        if (frame < 0 || frame >= frameCount()) {
            throw new IndexOutOfBoundsException("frame " + frame + " of " + frameCount());
        }
    }
}
