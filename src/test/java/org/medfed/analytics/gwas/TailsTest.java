package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Reference values computed with 40-digit arithmetic (mpmath erfc and betainc). */
class TailsTest {

    @Test
    void chiSquareOneDegreeOfFreedom() {
        assertThat(Tails.chiSquare1(0)).isEqualTo(1.0);
        assertThat(Tails.chiSquare1(0.5)).isCloseTo(0.47950012218695346, Percentage.withPercentage(1e-12));
        assertThat(Tails.chiSquare1(3.841458820694124)).isCloseTo(0.05, Percentage.withPercentage(1e-12));
        assertThat(Tails.chiSquare1(30)).isCloseTo(4.3204630578274973e-8, Percentage.withPercentage(1e-11));
        assertThat(Tails.chiSquare1(100)).isCloseTo(1.5239706048321052e-23, Percentage.withPercentage(1e-11));
        assertThat(Tails.chiSquare1(1000)).isCloseTo(1.7958327848007262e-219, Percentage.withPercentage(1e-10));
    }

    @Test
    void minusLogTenStaysRightWhereThePValueUnderflows() {
        assertThat(Tails.chiSquare1NegLog10(30)).isCloseTo(7.3644697039531473, within(1e-12));
        assertThat(Tails.chiSquare1NegLog10(1000)).isCloseTo(218.74573410420501, within(1e-10));
        assertThat(Tails.chiSquare1(1500)).isZero();
        assertThat(Tails.chiSquare1NegLog10(1500)).isCloseTo(327.40725604416649, within(1e-6));
    }

    @Test
    void studentTTwoSided() {
        assertThat(Tails.studentTwoSided(2.0, 10)).isCloseTo(0.073388034770740366, Percentage.withPercentage(1e-11));
        assertThat(Tails.studentTwoSided(-3.0, 100)).isCloseTo(0.0034079153433294495, Percentage.withPercentage(1e-11));
        assertThat(Tails.studentTwoSided(10.0, 50)).isCloseTo(1.6077334688335437e-13, Percentage.withPercentage(1e-9));
        assertThat(Tails.studentTwoSidedNegLog10(50.0, 1000)).isCloseTo(273.55929986819291, within(1e-9));
        assertThat(Tails.studentTwoSidedNegLog10(400.0, 2000)).isCloseTo(1910.230953297448, within(1e-6));
    }

    @Test
    void chiSquareEquivalentInvertsTheTail() {
        assertThat(Tails.chiSquare1Equivalent(0.5)).isCloseTo(GenomicInflation.CHI2_1_MEDIAN, within(1e-13));
        assertThat(Tails.chiSquare1Equivalent(0.05)).isCloseTo(3.841458820694124, within(1e-10));
        assertThat(Tails.chiSquare1Equivalent(1.0)).isZero();
    }
}
