package org.medfed.gui.imaging;

import org.medfed.data.dicom.Window;

/**
 * Turning decoded pixel values into pictures: windowing into grey levels, shrinking to a thumbnail, and
 * laying a coloured, semi-transparent mask over a grey image.
 */
public final class Pictures {

    /** How strongly a mask colour covers the image under it. */
    static final double OVERLAY_OPACITY = 0.45;

    private Pictures() {
    }

    /**
     * Values (planar channels x height x width, modality units) through a window into grey or RGB;
     * MONOCHROME1 is shown inverted, as the file asks.
     */
    public static PixelPicture windowed(float[] values, int channels, int height, int width, Window window,
                                        boolean inverted) {
        int pixels = width * height;
        int[] argb = new int[pixels];
        for (int p = 0; p < pixels; p++) {
            if (channels == 1) {
                int g = window.grey(values[p]);
                if (inverted) {
                    g = 255 - g;
                }
                argb[p] = grey(g);
            } else {
                int r = window.grey(values[p]);
                int gr = window.grey(values[pixels + p]);
                int b = window.grey(values[2 * pixels + p]);
                argb[p] = 0xFF000000 | (r << 16) | (gr << 8) | b;
            }
        }
        return new PixelPicture(width, height, argb);
    }

    /** A grey picture of one channel, scaled so its lowest value is black and its highest white. */
    public static PixelPicture stretched(float[] values, int height, int width) {
        return windowed(values, 1, height, width, Window.spanning(values, width * height), false);
    }

    /**
     * The picture shrunk so that its longer side is at most {@code size}, each new pixel the mean of the pixels it
     * covers (so thin structures fade rather than vanish); pictures already small are returned as they are.
     */
    public static PixelPicture shrink(PixelPicture source, int size) {
        int w = source.width();
        int h = source.height();
        if (w <= size && h <= size) {
            return source;
        }
        double scale = (double) size / Math.max(w, h);
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        int[] out = new int[tw * th];
        for (int ty = 0; ty < th; ty++) {
            int y0 = ty * h / th;
            int y1 = Math.max(y0 + 1, (ty + 1) * h / th);
            for (int tx = 0; tx < tw; tx++) {
                int x0 = tx * w / tw;
                int x1 = Math.max(x0 + 1, (tx + 1) * w / tw);
                long r = 0;
                long g = 0;
                long b = 0;
                int n = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        int c = source.pixel(x, y);
                        r += (c >> 16) & 0xFF;
                        g += (c >> 8) & 0xFF;
                        b += c & 0xFF;
                        n++;
                    }
                }
                out[ty * tw + tx] = 0xFF000000 | (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
            }
        }
        return new PixelPicture(tw, th, out);
    }

    /** {@code base} with the pixels where {@code mask} is at least 0.5 tinted with {@code rgb}, half transparent. */
    public static PixelPicture overlay(PixelPicture base, float[] mask, int rgb) {
        if (mask.length != base.argb().length) {
            throw new IllegalArgumentException(mask.length + " mask pixels for a picture of " + base.argb().length);
        }
        int[] out = base.argb().clone();
        for (int i = 0; i < out.length; i++) {
            if (mask[i] >= 0.5f) {
                out[i] = blend(out[i], rgb, OVERLAY_OPACITY);
            }
        }
        return new PixelPicture(base.width(), base.height(), out);
    }

    static int blend(int argb, int rgb, double a) {
        int r = (int) Math.round(((argb >> 16) & 0xFF) * (1 - a) + ((rgb >> 16) & 0xFF) * a);
        int g = (int) Math.round(((argb >> 8) & 0xFF) * (1 - a) + ((rgb >> 8) & 0xFF) * a);
        int b = (int) Math.round((argb & 0xFF) * (1 - a) + (rgb & 0xFF) * a);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    static int grey(int g) {
        return 0xFF000000 | (g << 16) | (g << 8) | g;
    }
}
