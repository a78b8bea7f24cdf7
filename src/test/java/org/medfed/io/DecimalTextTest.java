package org.medfed.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalTextTest {

    private static String text(double x) {
        return DecimalText.append(new StringBuilder(), x).toString();
    }

    /** The cases of JDK-4511638, where Java 17's Double.toString gives 17 digits for a number that needs 1 or 2. */
    @Test
    void theShortestDecimalWhereJava17GivesMoreDigits() {
        assertThat(text(2e23)).isEqualTo("2.0E23");
        assertThat(text(1e23)).isEqualTo("1.0E23");
        assertThat(text(1.58035079701327104E17)).isEqualTo("1.580350797013271E17");
    }

    @Test
    void doubleToStringsLayout() {
        assertThat(text(0.001)).isEqualTo("0.001");
        assertThat(text(0.0001)).isEqualTo("1.0E-4");
        assertThat(text(9_999_999.0)).isEqualTo("9999999.0");
        assertThat(text(1e7)).isEqualTo("1.0E7");
        assertThat(text(100)).isEqualTo("100.0");
        assertThat(text(-0.0)).isEqualTo("-0.0");
        assertThat(text(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(text(Double.MIN_VALUE)).isEqualTo("4.9E-324");
        assertThat(text(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E308");
        assertThat(text(Double.NaN)).isEqualTo("NaN");
        assertThat(text(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    /** Any double reads back as itself, in no more characters than Double.toString takes. */
    @Test
    void readsBackAsTheSameDoubleInAtMostDoubleToStringsLength() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double x = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble() * Math.pow(10, random.nextInt(-30, 30));
            if (!Double.isFinite(x)) {
                continue;
            }
            String t = text(x);
            assertThat(Double.parseDouble(t)).as(t).isEqualTo(x);
            assertThat(t.length()).as(t).isLessThanOrEqualTo(Double.toString(x).length());
        }
    }

    @Test
    void thresholdsAreWrittenAsPeopleWriteThem() {
        assertThat(DecimalText.asWritten(5e-8)).isEqualTo("5e-8");
        assertThat(DecimalText.asWritten(5.5e-8)).isEqualTo("5.5e-8");
        assertThat(DecimalText.asWritten(1e-5)).isEqualTo("1e-5");
        assertThat(DecimalText.asWritten(0.001)).isEqualTo("0.001");
    }
}
