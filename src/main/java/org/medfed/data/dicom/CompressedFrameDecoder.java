package org.medfed.data.dicom;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.medfed.engine.BadInputException;

/**
 * Compressed frames: JPEG (baseline, extended, lossless) and JPEG 2000 through the ImageIO plugins on the class
 * path (TwelveMonkeys for JPEG, jai-imageio for JPEG 2000), 12-bit DCT JPEG through {@link Jpeg12BitDecoder} and
 * JPEG-LS through {@link JpegLsDecoder}, for which no plugin exists. The raster is read without colour
 * conversion, so samples are exactly what the codestream holds; YBR to RGB is applied later by {@link DicomImage}.
 */
final class CompressedFrameDecoder implements FrameDecoder {

    private final PixelFormat fmt;
    private final List<byte[]> frames;
    private final Path source;
    private final TransferSyntax syntax;

    CompressedFrameDecoder(PixelFormat fmt, DicomElement pixelData, TransferSyntax syntax, Path source) {
        this.fmt = fmt;
        this.syntax = syntax;
        this.source = source;
        this.frames = EncapsulatedFrames.split(pixelData.fragments(), fmt.frames(), source);
    }

    @Override
    public int[] decode(int frame) {
        byte[] bytes = frames.get(frame);
        if (syntax.pixels() == TransferSyntax.Pixels.JPEG_LS) {
            JpegLsDecoder.Decoded d = JpegLsDecoder.decode(bytes, source, frame,
                    (long) fmt.rows() * fmt.columns() * fmt.samplesPerPixel());
            checkSize(frame, d.width(), d.height(), d.components());
            return toStored(d.samples(), frame);
        }
        if (syntax.pixels() == TransferSyntax.Pixels.JPEG && Jpeg12BitDecoder.isTwelveBitDct(bytes)) {
            Jpeg12BitDecoder.Decoded d = Jpeg12BitDecoder.decode(bytes, source, frame);
            checkSize(frame, d.width(), d.height(), d.components());
            return toStored(d.samples(), frame);
        }
        ImageReader reader = reader();
        try (ImageInputStream iis = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(iis, true, true);
            Raster raster = reader.readRaster(0, null);
            checkSize(frame, raster.getWidth(), raster.getHeight(), raster.getNumBands());
            return toStored(raster.getPixels(0, 0, raster.getWidth(), raster.getHeight(), (int[]) null), frame);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw bad(frame, "the " + syntax.displayName() + " data could not be decoded: " + e.getMessage());
        } finally {
            reader.dispose();
        }
    }

    private void checkSize(int frame, int width, int height, int components) {
        if (width != fmt.columns() || height != fmt.rows() || components != fmt.samplesPerPixel()) {
            throw bad(frame, "the compressed image is " + height + " x " + width + " with " + components
                    + " component(s), but the file says " + fmt.rows() + " x " + fmt.columns() + " with "
                    + fmt.samplesPerPixel());
        }
    }

    /** Decoders give samples at bit 0 with their precision; keep the stored bits and restore the sign. */
    private int[] toStored(int[] samples, int frame) {
        int bits = fmt.bitsStored();
        long mask = (1L << bits) - 1;
        for (int i = 0; i < samples.length; i++) {
            long v = samples[i] & mask;
            if (fmt.signed() && (v & (1L << (bits - 1))) != 0) {
                v -= 1L << bits;
            }
            samples[i] = (int) v;
        }
        return samples;
    }

    /** The plugins, looked up once: scanning the ImageIO registry costs more than decoding a small frame. */
    private static final class Plugins {
        static final ImageReaderSpi JPEG = find("jpeg", "com.twelvemonkeys.");
        static final ImageReaderSpi JPEG_2000 = find("jpeg2000", "com.github.jaiimageio.");

        private static ImageReaderSpi find(String format, String preferredPackage) {
            ImageReaderSpi fallback = null;
            for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format); it.hasNext(); ) {
                ImageReader r = it.next();
                ImageReaderSpi spi = r.getOriginatingProvider();
                r.dispose();
                if (spi != null && spi.getClass().getName().startsWith(preferredPackage)) {
                    return spi;
                }
                if (fallback == null) {
                    fallback = spi;
                }
            }
            return fallback;
        }
    }

    private ImageReader reader() {
        ImageReaderSpi spi = syntax.pixels() == TransferSyntax.Pixels.JPEG ? Plugins.JPEG : Plugins.JPEG_2000;
        if (spi == null) {
            throw new BadInputException(source, null, "no " + syntax.displayName()
                    + " decoder was found on the class path (ImageIO plugin missing)");
        }
        try {
            return spi.createReaderInstance();
        } catch (IOException e) {
            throw new BadInputException(source, null, "the " + syntax.displayName() + " decoder could not be started: "
                    + e.getMessage(), e);
        }
    }

    private BadInputException bad(int frame, String problem) {
        return new FrameErrors(source, frame).bad(problem);
    }
}
