package org.medfed.data.image;

import java.util.SplittableRandom;

/**
 * Seeded augmentation: random horizontal and vertical flips (each with probability 1/2 when enabled) and a
 * rotation by a uniform angle in [-maxRotationDegrees, maxRotationDegrees] about the image centre. The
 * draws for an example depend only on the seed and the example's key, so every run and every hospital
 * gets the same transform for the same example, whatever the loading order. Masks get the same transform
 * (nearest neighbour, so they stay 0/1); the image is sampled bilinearly, and corners uncovered by a
 * rotation take the image's minimum value. A positive angle turns the picture clockwise as displayed.
 *
 * @param flipHorizontal allow left-right flips
 * @param flipVertical allow up-down flips
 * @param maxRotationDegrees largest rotation, 0 for none
 * @param seed the seed
 */
public record Augmentation(boolean flipHorizontal, boolean flipVertical, double maxRotationDegrees, long seed) {

    public static Augmentation none() {
        return new Augmentation(false, false, 0, 0);
    }

    public boolean enabled() {
        return flipHorizontal || flipVertical || maxRotationDegrees > 0;
    }

    /** The transform drawn for an example. */
    public record Transform(boolean flipH, boolean flipV, double degrees) {
    }

    public Transform draw(long exampleKey) {
        SplittableRandom r = new SplittableRandom(seed ^ (exampleKey * 0x9E3779B97F4A7C15L));
        boolean h = r.nextBoolean();
        boolean v = r.nextBoolean();
        double angle = r.nextDouble(-1, 1) * maxRotationDegrees;
        return new Transform(flipHorizontal && h, flipVertical && v, maxRotationDegrees > 0 ? angle : 0);
    }

    /**
     * The transform drawn for {@code exampleKey} applied to an already preprocessed example ({@code channels x
     * height x width}, planar) and its mask (or null): for adding augmented copies after loading.
     *
     * @return {image, mask} as new arrays
     */
    public float[][] applyTo(float[] image, float[] mask, int channels, int height, int width, long exampleKey) {
        return apply(draw(exampleKey), image, mask, channels, height, width);
    }

    /** Applies a transform to a planar image (and its mask, if not null), returning new arrays. */
    static float[][] apply(Transform t, float[] image, float[] mask, int channels, int height, int width) {
        float[] img = image;
        float[] msk = mask;
        if (t.degrees() != 0) {
            img = rotate(img, channels, height, width, t.degrees(), false);
            msk = msk == null ? null : rotate(msk, 1, height, width, t.degrees(), true);
        }
        if (t.flipH() || t.flipV()) {
            img = flip(img, channels, height, width, t.flipH(), t.flipV());
            msk = msk == null ? null : flip(msk, 1, height, width, t.flipH(), t.flipV());
        }
        return new float[][] {img == image ? image.clone() : img, msk == mask && mask != null ? mask.clone() : msk};
    }

    static float[] flip(float[] v, int channels, int height, int width, boolean h, boolean vert) {
        float[] out = new float[v.length];
        for (int c = 0; c < channels; c++) {
            int base = c * height * width;
            for (int y = 0; y < height; y++) {
                int sy = vert ? height - 1 - y : y;
                for (int x = 0; x < width; x++) {
                    int sx = h ? width - 1 - x : x;
                    out[base + y * width + x] = v[base + sy * width + sx];
                }
            }
        }
        return out;
    }

    /** Rotation by inverse mapping: each target pixel samples the source at the rotated position. */
    static float[] rotate(float[] v, int channels, int height, int width, double degrees, boolean nearest) {
        float[] out = new float[v.length];
        double a = Math.toRadians(degrees);
        double cos = StrictMath.cos(a); // StrictMath: the same bits on every JVM, so augmentations reproduce
        double sin = StrictMath.sin(a);
        double cy = (height - 1) / 2.0;
        double cx = (width - 1) / 2.0;
        for (int c = 0; c < channels; c++) {
            int base = c * height * width;
            float fill = nearest ? 0f : Float.POSITIVE_INFINITY;
            if (!nearest) {
                for (int i = 0; i < height * width; i++) {
                    fill = Math.min(fill, v[base + i]);
                }
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double dx = x - cx;
                    double dy = y - cy;
                    double sx = cos * dx + sin * dy + cx;
                    double sy = -sin * dx + cos * dy + cy;
                    out[base + y * width + x] = sample(v, base, height, width, sy, sx, nearest, fill);
                }
            }
        }
        return out;
    }

    private static float sample(float[] v, int base, int h, int w, double y, double x, boolean nearest, float fill) {
        if (nearest) {
            int ix = (int) Math.round(x);
            int iy = (int) Math.round(y);
            return ix < 0 || iy < 0 || ix >= w || iy >= h ? fill : v[base + iy * w + ix];
        }
        if (x < -0.5 || y < -0.5 || x > w - 0.5 || y > h - 0.5) {
            return fill;
        }
        double fx = Math.min(Math.max(x, 0), w - 1);
        double fy = Math.min(Math.max(y, 0), h - 1);
        int x0 = (int) fx;
        int y0 = (int) fy;
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        double wx = fx - x0;
        double wy = fy - y0;
        double top = v[base + y0 * w + x0] * (1 - wx) + v[base + y0 * w + x1] * wx;
        double bottom = v[base + y1 * w + x0] * (1 - wx) + v[base + y1 * w + x1] * wx;
        return (float) (top * (1 - wy) + bottom * wy);
    }
}
