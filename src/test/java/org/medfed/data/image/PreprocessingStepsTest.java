package org.medfed.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.medfed.data.dicom.Window;
import org.junit.jupiter.api.Test;

/** Resize, normalisation, windowing, channels and augmentation against hand-computed values. */
class PreprocessingStepsTest {

    @Test
    void bilinearUpscaleWithHalfPixelCentres() {
        // source x of target x: (x + 0.5) / 2 - 0.5 = -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1)
        float[] up = Resize.bilinear(new float[] {0, 1, 2, 3}, 1, 2, 2, 4, 4);
        assertThat(up).containsExactly(
                0f, 0.25f, 0.75f, 1f,
                0.5f, 0.75f, 1.25f, 1.5f,
                1.5f, 1.75f, 2.25f, 2.5f,
                2f, 2.25f, 2.75f, 3f);
    }

    @Test
    void halvingAveragesTwoByTwoBlocksAndSameSizeCopies() {
        float[] src = {1, 3, 5, 7, 1, 3, 5, 7, 0, 0, 8, 8, 0, 0, 8, 8};
        assertThat(Resize.bilinear(src, 1, 4, 4, 2, 2)).containsExactly(2f, 6f, 0f, 8f);
        float[] same = Resize.bilinear(src, 1, 4, 4, 4, 4);
        assertThat(same).isEqualTo(src).isNotSameAs(src);
        // two channels are resized independently
        float[] two = Resize.bilinear(new float[] {1, 1, 1, 1, 2, 2, 2, 2}, 2, 2, 2, 1, 1);
        assertThat(two).containsExactly(1f, 2f);
    }

    @Test
    void normalisations() {
        float[] a = {2, 4, 6};
        Normalisation.minMax().apply(a);
        assertThat(a).containsExactly(0f, 0.5f, 1f);
        float[] z = {1, 2, 3};
        Normalisation.zScore().apply(z); // mean 2, population sd sqrt(2/3) = 0.81650
        assertThat(z[0]).isCloseTo(-1.2247449f, within(1e-6f));
        assertThat(z[1]).isZero();
        assertThat(z[2]).isCloseTo(1.2247449f, within(1e-6f));
        float[] f = {0, 127.5f, 255};
        Normalisation.fixed(0, 255).apply(f);
        assertThat(f).containsExactly(0f, 0.5f, 1f);
        float[] flat = {5, 5};
        Normalisation.zScore().apply(flat);
        assertThat(flat).containsExactly(0f, 0f);
    }

    @Test
    void windowingChannelsAndMaskThresholding() {
        // values -200 (black), 599.5 (mid), 1399 (white) through the window 600/1600; the file's own
        // window is ignored when a fixed one is chosen
        RawImage img = new RawImage(new float[] {-200, 599.5f, 1399, 1399}, 1, 2, 2, new Window(0, 10));
        Preprocessing p = new Preprocessing(Windowing.fixed(new Window(600, 1600)), 2, 2, 3, Normalisation.none(),
                Augmentation.none());
        float[] x = p.apply(img, 0);
        assertThat(x).containsExactly(0f, 0.5f, 1f, 1f, 0f, 0.5f, 1f, 1f, 0f, 0.5f, 1f, 1f);
        // FROM_FILE uses the file's window: 0/10 maps 599.5 to white
        assertThat(Preprocessing.grey(2, 2).apply(img, 0)).containsExactly(0f, 1f, 1f, 1f);
        // colour to grey: 0.299 R + 0.587 G + 0.114 B
        RawImage rgb = new RawImage(new float[] {100, 0, 0}, 3, 1, 1, null);
        Preprocessing toGrey = new Preprocessing(Windowing.none(), 1, 1, 1, Normalisation.none(), Augmentation.none());
        assertThat(toGrey.apply(rgb, 0)[0]).isCloseTo(29.9f, within(1e-4f));
        // a 2x2 mask with one foreground pixel, upscaled to 4x4: bilinear then >= 0.5
        RawImage mask = new RawImage(new float[] {255, 0, 0, 0}, 1, 2, 2, null);
        Preprocessing up = new Preprocessing(Windowing.none(), 4, 4, 1, Normalisation.none(), Augmentation.none());
        float[] m = up.apply(img, mask, 0)[1];
        assertThat(m).containsExactly(1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void flipsAndQuarterTurnsMoveValuesWhereExpected() {
        float[] v = {1, 2, 3, 4, 5, 6}; // 2 rows x 3 columns
        assertThat(Augmentation.flip(v, 1, 2, 3, true, false)).containsExactly(3, 2, 1, 6, 5, 4);
        assertThat(Augmentation.flip(v, 1, 2, 3, false, true)).containsExactly(4, 5, 6, 1, 2, 3);
        float[] sq = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        // +90 degrees turns the picture clockwise as displayed (rows go down): the left column becomes the top row
        float[] r = Augmentation.rotate(sq, 1, 3, 3, 90, true);
        assertThat(r).containsExactly(7, 4, 1, 8, 5, 2, 9, 6, 3);
        float[] rb = Augmentation.rotate(sq, 1, 3, 3, 90, false);
        for (int i = 0; i < 9; i++) {
            assertThat(rb[i]).isCloseTo(r[i], within(1e-5f));
        }
    }

    @Test
    void augmentationIsSeededPerExampleAndMovesMasksWithImages() {
        Augmentation a = new Augmentation(true, true, 15, 42);
        assertThat(a.draw(7)).isEqualTo(a.draw(7));
        assertThat(new Augmentation(true, true, 15, 42).draw(7)).isEqualTo(a.draw(7));
        long differing = java.util.stream.LongStream.range(0, 20).filter(k -> !a.draw(k).equals(a.draw(k + 100))).count();
        assertThat(differing).isGreaterThan(15);
        assertThat(java.util.stream.LongStream.range(0, 200).mapToObj(a::draw)
                .allMatch(t -> Math.abs(t.degrees()) <= 15)).isTrue();
        // an image that equals its own mask (0/1) must stay equal to it after a flip-only augmentation
        float[] img = new float[64];
        for (int i = 0; i < 64; i++) {
            img[i] = (i % 8 < 3 && i / 8 < 5) ? 1 : 0;
        }
        Augmentation flips = new Augmentation(true, true, 0, 3);
        for (long key = 0; key < 8; key++) {
            float[][] out = Augmentation.apply(flips.draw(key), img, img.clone(), 1, 8, 8);
            assertThat(out[0]).isEqualTo(out[1]);
        }
    }
}
