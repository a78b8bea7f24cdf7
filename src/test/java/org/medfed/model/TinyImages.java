package org.medfed.model;

import java.util.SplittableRandom;
import org.medfed.data.ExampleSet;

/** Small synthetic image sets for model tests: a bright square in one of two places, with its mask. */
final class TinyImages {

    private TinyImages() {
    }

    /**
     * {@code n} single-channel {@code size x size} images: class 0 has a bright 3x3 square in the top-left
     * quarter, class 1 in the bottom-right; noise of 0.1; the mask marks the square.
     */
    static ExampleSet squares(int n, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][size * size];
        float[][] m = new float[n][size * size];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            int half = size / 2;
            int top = (y[i] == 0 ? 0 : half) + r.nextInt(Math.max(1, half - 2));
            int left = (y[i] == 0 ? 0 : half) + r.nextInt(Math.max(1, half - 2));
            for (int p = 0; p < size * size; p++) {
                x[i][p] = (float) (r.nextDouble() * 0.1);
            }
            for (int dy = 0; dy < 3; dy++) {
                for (int dx = 0; dx < 3; dx++) {
                    int p = (top + dy) * size + left + dx;
                    x[i][p] += 1f;
                    m[i][p] = 1f;
                }
            }
        }
        return new ExampleSet(new int[] {1, size, size}, x, y, 2, m);
    }
}
