package org.medfed.data.image;

/**
 * Bilinear resizing of planar images with the half-pixel convention (pixel centres at i + 0.5, as in
 * OpenCV's INTER_LINEAR and PyTorch's align_corners=False): the source coordinate of target pixel x is
 * {@code (x + 0.5) * srcWidth / dstWidth - 0.5}, clamped to the image. Halving a size averages 2x2 blocks.
 */
public final class Resize {

    private Resize() {
    }

    public static float[] bilinear(float[] src, int channels, int height, int width, int newHeight, int newWidth) {
        if (height == newHeight && width == newWidth) {
            return src.clone();
        }
        float[] out = new float[channels * newHeight * newWidth];
        double sy = (double) height / newHeight;
        double sx = (double) width / newWidth;
        for (int c = 0; c < channels; c++) {
            int in = c * height * width;
            int o = c * newHeight * newWidth;
            for (int y = 0; y < newHeight; y++) {
                double fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), height - 1);
                int y0 = (int) fy;
                int y1 = Math.min(y0 + 1, height - 1);
                double wy = fy - y0;
                for (int x = 0; x < newWidth; x++) {
                    double fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), width - 1);
                    int x0 = (int) fx;
                    int x1 = Math.min(x0 + 1, width - 1);
                    double wx = fx - x0;
                    double top = src[in + y0 * width + x0] * (1 - wx) + src[in + y0 * width + x1] * wx;
                    double bottom = src[in + y1 * width + x0] * (1 - wx) + src[in + y1 * width + x1] * wx;
                    out[o + y * newWidth + x] = (float) (top * (1 - wy) + bottom * wy);
                }
            }
        }
        return out;
    }
}
