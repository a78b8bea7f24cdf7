package org.medfed.gui.imaging;

/**
 * Pixels ready for the screen, as 0xAARRGGBB integers, row-major. View-models hand these out rather than
 * JavaFX images so that they can be built off the FX thread and tested without a toolkit; the views turn them
 * into a {@code WritableImage} ({@link FxPictures}).
 */
public record PixelPicture(int width, int height, int[] argb) {

    public PixelPicture {
        if (width < 1 || height < 1 || argb.length != width * height) {
            throw new IllegalArgumentException(width + " x " + height + " picture with " + argb.length + " pixels");
        }
    }

    public int pixel(int x, int y) {
        return argb[y * width + x];
    }
}
