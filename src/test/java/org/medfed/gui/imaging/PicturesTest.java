package org.medfed.gui.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medfed.data.dicom.Window;

class PicturesTest {

    @Test
    void windowsGreyValuesAndInvertsMonochrome1() {
        float[] v = {0, 50, 100};
        PixelPicture p = Pictures.windowed(v, 1, 1, 3, Window.minMax(0, 100), false);
        assertThat(p.argb()).containsExactly(0xFF000000, Pictures.grey(128), 0xFFFFFFFF);
        PixelPicture inverted = Pictures.windowed(v, 1, 1, 3, Window.minMax(0, 100), true);
        assertThat(inverted.argb()[0]).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void shrinksByAveragingAndKeepsTheAspect() {
        int[] argb = new int[200 * 100];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = (i % 2 == 0) ? 0xFFFFFFFF : 0xFF000000;
        }
        PixelPicture small = Pictures.shrink(new PixelPicture(200, 100, argb), 80);
        assertThat(small.width()).isEqualTo(80);
        assertThat(small.height()).isEqualTo(40);
        int grey = small.argb()[0] & 0xFF;
        assertThat(grey).isBetween(100, 155);
        PixelPicture tiny = new PixelPicture(2, 2, new int[4]);
        assertThat(Pictures.shrink(tiny, 80)).isSameAs(tiny);
    }

    @Test
    void overlaysOnlyWhereTheMaskIsSet() {
        PixelPicture base = new PixelPicture(2, 1, new int[] {0xFF000000, 0xFF000000});
        PixelPicture out = Pictures.overlay(base, new float[] {0.2f, 0.7f}, 0xFF0000);
        assertThat(out.argb()[0]).isEqualTo(0xFF000000);
        assertThat((out.argb()[1] >> 16) & 0xFF).isEqualTo((int) Math.round(255 * Pictures.OVERLAY_OPACITY));
    }
}
