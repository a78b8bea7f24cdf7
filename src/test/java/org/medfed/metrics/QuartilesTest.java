package org.medfed.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The spread over hospitals, against values worked out by hand (position p(n+1)/100 between sorted values). */
class QuartilesTest {

    @Test
    void fiveValuesInAnyOrder() {
        // n = 5: the 25 % position is 1.5 (between 1 and 2), the median the 3rd, the 75 % position 4.5
        assertThat(Quartiles.of(new double[] {5, 1, 4, 2, 3})).isEqualTo(new Quartiles(5, 1, 1.5, 3, 4.5, 5));
    }

    @Test
    void fourValuesAndAMissingOne() {
        // n = 4: positions 1.25, 2.5 and 3.75; NaN (a hospital without the figure) is left out
        assertThat(Quartiles.of(new double[] {0.4, Double.NaN, 0.1, 0.3, 0.2}))
                .usingRecursiveComparison().withComparatorForType((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : 1, Double.class)
                .isEqualTo(new Quartiles(4, 0.1, 0.125, 0.25, 0.375, 0.4));
    }

    @Test
    void noValueNoSpread() {
        assertThat(Quartiles.of(new double[] {Double.NaN})).isNull();
        assertThat(Quartiles.of(new double[0])).isNull();
    }
}
