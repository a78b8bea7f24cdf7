package org.medfed.data.image;

import java.util.Objects;

/**
 * The preprocessing every hospital applies identically, in this order: windowing, channel conversion,
 * bilinear resize to the model input, intensity normalisation, then (training only) augmentation.
 *
 * @param windowing how raw values are windowed into [0, 1] (or not)
 * @param height model input height
 * @param width model input width
 * @param channels model input channels: 1 (colour becomes luminance 0.299 R + 0.587 G + 0.114 B) or 3
 *        (grey is replicated)
 * @param normalisation intensity normalisation after resizing
 * @param augmentation seeded flips and rotations, {@link Augmentation#none()} for evaluation data
 */
public record Preprocessing(Windowing windowing, int height, int width, int channels, Normalisation normalisation,
        Augmentation augmentation) {

    public Preprocessing {
        Objects.requireNonNull(windowing, "windowing");
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(augmentation, "augmentation");
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("the model input must be at least 1x1, got " + height + "x" + width);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
    }

    /** Grey, windowed from the file, resized, no further normalisation, no augmentation. */
    public static Preprocessing grey(int height, int width) {
        return new Preprocessing(Windowing.fromFile(), height, width, 1, Normalisation.none(), Augmentation.none());
    }

    public Preprocessing withAugmentation(Augmentation a) {
        return new Preprocessing(windowing, height, width, channels, normalisation, a);
    }

    /** The model input ({@code channels x height x width}) of an image. */
    public float[] apply(RawImage image, long exampleKey) {
        return apply(image, null, exampleKey)[0];
    }

    /**
     * The model input and, when a mask is given, the mask resized and transformed the same way
     * ({@code height x width}, values 0 or 1).
     */
    public float[][] apply(RawImage image, RawImage mask, long exampleKey) {
        if (mask != null && (mask.height() != image.height() || mask.width() != image.width())) {
            throw new IllegalArgumentException("mask is " + mask.height() + "x" + mask.width() + " but the image is "
                    + image.height() + "x" + image.width());
        }
        float[] v = convertChannels(windowing.apply(image), image.channels(), image.height() * image.width());
        v = Resize.bilinear(v, channels, image.height(), image.width(), height, width);
        normalisation.apply(v);
        float[] m = null;
        if (mask != null) {
            float[] binary = new float[mask.height() * mask.width()];
            for (int i = 0; i < binary.length; i++) {
                binary[i] = mask.data()[i] > 0 ? 1f : 0f;
            }
            m = Resize.bilinear(binary, 1, mask.height(), mask.width(), height, width);
            for (int i = 0; i < m.length; i++) {
                m[i] = m[i] >= 0.5f ? 1f : 0f;
            }
        }
        if (!augmentation.enabled()) {
            return new float[][] {v, m};
        }
        return Augmentation.apply(augmentation.draw(exampleKey), v, m, channels, height, width);
    }

    private float[] convertChannels(float[] v, int from, int pixels) {
        if (from == channels) {
            return v;
        }
        float[] out = new float[channels * pixels];
        if (from == 1) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(v, 0, out, c * pixels, pixels);
            }
        } else {
            for (int p = 0; p < pixels; p++) {
                out[p] = (float) (0.299 * v[p] + 0.587 * v[pixels + p] + 0.114 * v[2 * pixels + p]);
            }
        }
        return out;
    }
}
