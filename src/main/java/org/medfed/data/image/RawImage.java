package org.medfed.data.image;

/**
 * Pixel values as loaded, before preprocessing: channels x height x width floats (planar). For DICOM they
 * are in modality units; for PNG/JPEG they are 0..255.
 *
 * @param data the values, length channels * height * width
 * @param channels 1 or 3
 * @param height rows
 * @param width columns
 * @param window the file's own window, or null (DICOM only)
 */
public record RawImage(float[] data, int channels, int height, int width, org.medfed.data.dicom.Window window) {

    public RawImage {
        if (data.length != channels * height * width) {
            throw new IllegalArgumentException("expected " + channels + "x" + height + "x" + width + " values, got "
                    + data.length);
        }
    }
}
