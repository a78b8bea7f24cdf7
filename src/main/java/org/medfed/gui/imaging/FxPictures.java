package org.medfed.gui.imaging;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** {@link PixelPicture}s as JavaFX images, on the FX thread. */
final class FxPictures {

    private FxPictures() {
    }

    static WritableImage image(PixelPicture p) {
        WritableImage img = new WritableImage(p.width(), p.height());
        write(img, p);
        return img;
    }

    /** Writes into {@code target} when it has the same size (no new image per slider step), else makes a new one. */
    static WritableImage update(WritableImage target, PixelPicture p) {
        if (target == null || (int) target.getWidth() != p.width() || (int) target.getHeight() != p.height()) {
            return image(p);
        }
        write(target, p);
        return target;
    }

    private static void write(WritableImage img, PixelPicture p) {
        img.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0,
                p.width());
    }
}
