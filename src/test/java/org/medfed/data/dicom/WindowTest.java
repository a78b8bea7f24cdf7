package org.medfed.data.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The linear VOI function of PS3.3 C.11.2.1.2.1, against values computed by hand. */
class WindowTest {

    @Test
    void centre600Width1600() {
        Window w = new Window(600, 1600);
        // black at or below c - 0.5 - (w-1)/2 = -200, white above c - 0.5 + (w-1)/2 = 1399
        assertThat(w.grey(-200)).isZero();
        assertThat(w.grey(-1000)).isZero();
        assertThat(w.grey(1399.5)).isEqualTo(255);
        // at 1399: (1399 - 599.5) / 1599 + 0.5 = 1.0
        assertThat(w.unit(1399)).isEqualTo(1.0);
        // at 599.5 (the centre minus a half): exactly mid-grey, 127.5 rounds to 128
        assertThat(w.unit(599.5)).isEqualTo(0.5);
        assertThat(w.grey(599.5)).isEqualTo(128);
        // at 0: (0 - 599.5) / 1599 + 0.5 = 0.125078... -> 31.9 -> 32
        assertThat(w.grey(0)).isEqualTo(32);
    }

    @Test
    void minMaxMapsTheRangeOntoBlackToWhite() {
        Window w = Window.minMax(0, 255);
        assertThat(w).isEqualTo(new Window(128, 256));
        for (int x = 0; x <= 255; x++) {
            assertThat(w.grey(x)).isEqualTo(x);
        }
        Window ct = Window.minMax(-1000, 1000);
        assertThat(ct.grey(-1000)).isZero();
        assertThat(ct.grey(1000)).isEqualTo(255);
    }

    @Test
    void aWidthOfOneIsAThreshold() {
        Window w = new Window(10.5, 1);
        assertThat(w.grey(10)).isZero();
        assertThat(w.grey(10.01)).isEqualTo(255);
        assertThat(Window.minMax(7, 7).grey(7)).isZero();
        assertThat(Window.minMax(7, 7).grey(8)).isEqualTo(255);
    }

    @Test
    void widthBelowOneIsRefused() {
        assertThatThrownBy(() -> new Window(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
