package org.medfed.data.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.medfed.data.dicom.PixelFormat;
import org.medfed.data.dicom.DicomImage;
import org.medfed.data.dicom.NotDicomException;
import org.medfed.engine.BadInputException;

/** Loads one image file, DICOM (frame 1, modality units) or anything ImageIO reads (PNG, JPEG, BMP...). */
public final class ImageFiles {

    private ImageFiles() {
    }

    /** The image, or a {@link BadInputException} when the file is neither DICOM nor an image. */
    public static RawImage load(Path file) {
        return tryLoad(file).orElseThrow(() -> new BadInputException(file, null,
                "is neither a DICOM file nor an image that can be read (PNG, JPEG, BMP, GIF)"));
    }

    /**
     * The image, or empty when the file is neither DICOM nor an image; a DICOM file that is damaged is a
     * {@link BadInputException}, not a skip.
     */
    public static Optional<RawImage> tryLoad(Path file) {
        try {
            DicomImage im = DicomImage.read(file);
            return Optional.of(new RawImage(im.frame(0), im.channels(), im.rows(), im.columns(),
                    im.channels() == 1 ? im.fileWindow().orElse(null) : null));
        } catch (NotDicomException notDicom) {
            return readWithImageIo(file);
        }
    }

    /**
     * A segmentation mask: for DICOM the stored values of frame 1 (a label map, so RescaleSlope/Intercept
     * are not applied), for PNG and the like the first channel. Callers treat any non-zero value as foreground.
     */
    public static RawImage loadMask(Path file) {
        try {
            DicomImage im = DicomImage.read(file);
            int[] stored = im.storedValues(0);
            float[] v = new float[im.rows() * im.columns()];
            for (int i = 0; i < v.length; i++) {
                v[i] = stored[i * im.channels()];
            }
            return new RawImage(v, 1, im.rows(), im.columns(), null);
        } catch (NotDicomException notDicom) {
            RawImage img = readWithImageIo(file).orElseThrow(() -> new BadInputException(file, null,
                    "is neither a DICOM file nor an image that can be read (PNG, JPEG, BMP, GIF)"));
            float[] first = java.util.Arrays.copyOf(img.data(), img.height() * img.width());
            return new RawImage(first, 1, img.height(), img.width(), null);
        }
    }

    private static Optional<RawImage> readWithImageIo(Path file) {
        BufferedImage img;
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            var readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                // the declared size, read from the header, checked before the pixels are allocated
                long samples = 3L * reader.getWidth(0) * reader.getHeight(0);
                if (samples > PixelFormat.MAX_SAMPLES_PER_FRAME) {
                    throw new BadInputException(file, null, "declares " + reader.getWidth(0) + " x "
                            + reader.getHeight(0) + " pixels; this reader decodes at most "
                            + PixelFormat.MAX_SAMPLES_PER_FRAME / 3 + " pixels an image");
                }
                img = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            return Optional.empty();
        }
        if (img == null) {
            return Optional.empty();
        }
        int w = img.getWidth();
        int h = img.getHeight();
        Raster r = img.getRaster();
        boolean grey = img.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
                && r.getNumBands() <= 2;
        if (grey) {
            float[] v = r.getSamples(0, 0, w, h, 0, (float[]) null);
            return Optional.of(new RawImage(v, 1, h, w, null));
        }
        float[] v = new float[3 * w * h];
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int p = y * w + x;
                v[p] = (rgb >> 16) & 0xFF;
                v[plane + p] = (rgb >> 8) & 0xFF;
                v[2 * plane + p] = rgb & 0xFF;
            }
        }
        return Optional.of(new RawImage(v, 3, h, w, null));
    }
}
