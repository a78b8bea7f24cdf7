package org.medfed.gui.imaging;

import java.nio.file.Path;
import org.medfed.data.dicom.DicomImage;

/** Small pictures of DICOM files for the hospital's overview: the first frame through the file's own window. */
public final class Thumbnails {

    /** Longest side of a thumbnail, in pixels. */
    public static final int SIZE = 80;

    private Thumbnails() {
    }

    /** Decodes a file (slow: call off the FX thread); a damaged file is a {@code BadInputException} naming it. */
    public static PixelPicture of(Path file) {
        DicomImage image = DicomImage.read(file);
        float[] frame = image.frame(0);
        PixelPicture full = Pictures.windowed(frame, image.channels(), image.rows(), image.columns(),
                defaultWindow(image, frame), image.format().inverted());
        return Pictures.shrink(full, SIZE);
    }

    /** The file's window, else the frame's range (the frame is already decoded, so it is not decoded twice). */
    static org.medfed.data.dicom.Window defaultWindow(DicomImage image, float[] frame) {
        if (image.channels() == 1 && image.fileWindow().isPresent()) {
            return image.fileWindow().get();
        }
        if (image.channels() == 3) {
            return org.medfed.data.dicom.Window.minMax(0, image.format().maxStoredValue());
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : frame) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return org.medfed.data.dicom.Window.minMax(min, max);
    }
}
