package org.medfed.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberFieldsTest {

    @Test
    void readsCommaAndPointDecimalsAndRefusesText() {
        assertThat(NumberFields.parseDouble("0,05")).isEqualTo(0.05);
        assertThat(NumberFields.parseDouble(" 0.05 ")).isEqualTo(0.05);
        assertThat(NumberFields.parseDouble("abc")).isNaN();
        assertThat(NumberFields.parseDouble("")).isNaN();
        assertThat(NumberFields.parseLong("12")).isEqualTo(12L);
        assertThat(NumberFields.parseLong("1.5")).isNull();
    }

    @Test
    void formatsWithoutNoise() {
        assertThat(NumberFields.format(0.05)).isEqualTo("0.05");
        assertThat(NumberFields.format(30)).isEqualTo("30");
        assertThat(NumberFields.format(2.5)).isEqualTo("2.5");
        assertThat(NumberFields.format(-3.75)).isEqualTo("-3.75");
        assertThat(NumberFields.format(0.10000001)).isEqualTo("0.10000001");
        assertThat(NumberFields.format(1e-8)).isEqualTo("1.0E-8");
        assertThat(NumberFields.metric(Double.NaN)).isEqualTo("–");
        assertThat(NumberFields.metric(0.66666)).isEqualTo("0.667");
    }

    @Test
    void formFieldAppliesOnlyValidTextAndNotWhatIsShownFromTheStudy() {
        java.util.List<String> applied = new java.util.ArrayList<>();
        FormField f = new FormField("lr", "Learning rate", "",
                FormField.number("Learning rate", 0, false, Double.POSITIVE_INFINITY, false), applied::add);
        f.show("0.01");
        assertThat(applied).isEmpty();
        f.textProperty().set("0");
        assertThat(f.errorProperty().get()).isEqualTo("Learning rate must be above 0");
        f.textProperty().set("x");
        assertThat(f.errorProperty().get()).isEqualTo("Learning rate must be a number");
        f.textProperty().set("0.1");
        assertThat(f.valid()).isTrue();
        assertThat(applied).containsExactly("0.1");
    }
}
