package org.medfed.data.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A scan's constants, against T.87's formulas worked by hand. */
class JpegLsCodingParametersTest {

    @Test
    void thresholdsThePresetsLeaveAtZeroAreTheDefaultsForEachScansNear() {
        // MAXVAL 255: FACTOR = (255 + 128) / 256 = 1, so T1 = 1 + 2 + 3 NEAR, T2 = 4 + 3 + 5 NEAR, T3 = 17 + 4 + 7 NEAR
        JpegLsCodingParameters lossless = JpegLsCodingParameters.of(255, 0, 0, 0, 0, 64);
        assertThat(new int[] {lossless.t1(), lossless.t2(), lossless.t3()}).containsExactly(3, 7, 21);
        JpegLsCodingParameters near3 = JpegLsCodingParameters.of(255, 3, 0, 0, 0, 64);
        assertThat(new int[] {near3.t1(), near3.t2(), near3.t3()}).containsExactly(12, 22, 42);
        // a preset threshold stands; the others follow this scan's NEAR, whatever an earlier scan's was
        JpegLsCodingParameters preset = JpegLsCodingParameters.of(255, 3, 5, 0, 0, 64);
        assertThat(new int[] {preset.t1(), preset.t2(), preset.t3()}).containsExactly(5, 22, 42);
        // RANGE = (255 + 2 * 3) / 7 + 1 = 38, qbpp = 6, LIMIT = 2 * (8 + 8) = 32
        assertThat(new int[] {near3.range(), near3.qbpp(), near3.limit()}).containsExactly(38, 6, 32);
    }
}
