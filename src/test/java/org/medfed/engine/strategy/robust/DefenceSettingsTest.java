package org.medfed.engine.strategy.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfed.engine.strategy.robust.Updates.model;
import static org.medfed.engine.strategy.robust.Updates.round;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medfed.engine.BadInputException;
import org.medfed.engine.Strategy;

class DefenceSettingsTest {

    @ParameterizedTest
    @CsvSource({
        "none,            0,   test-mean",
        "median,          0,   median(test-mean)",
        "trimmed-mean:0.2, 0,  trimmed-mean(test-mean)",
        "krum:1,          0,   krum(test-mean)",
        "multi-krum:1,    0,   multi-krum(test-mean)",
        "multi-krum:1:3,  0,   multi-krum(test-mean)",
        "median,          1.5, norm-clipping(median(test-mean))",
        "none,            2,   norm-clipping(test-mean)",
    })
    void wrapsTheBaseStrategy(String text, double clip, String id) {
        assertThat(DefenceSettings.parse(text, clip).apply(new TestMean()).id()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "median", "trimmed-mean:0.2", "krum:1", "multi-krum:2", "multi-krum:1:3"})
    void theTextFormRoundTrips(String text) {
        DefenceSettings s = DefenceSettings.parse(text, 0.5);
        assertThat(s.ruleText()).isEqualTo(text);
        assertThat(DefenceSettings.parse(s.ruleText(), s.clipBound())).isEqualTo(s);
    }

    @Test
    void noDefenceReturnsTheBaseItself() {
        Strategy base = new TestMean();
        assertThat(DefenceSettings.none().apply(base)).isSameAs(base);
        assertThat(DefenceSettings.none().isNone()).isTrue();
    }

    @Test
    void theWrappedStrategyAggregatesWhatTheRuleKept() {
        // krum:1 over 0, 1, 3, 4, 20 keeps b (1) and hands it to the mean
        Strategy s = DefenceSettings.parse("krum:1", 0).apply(new TestMean());
        var next = s.aggregate(round(1, 0), List.of(model("a", 0), model("b", 1), model("c", 3), model("d", 4),
                model("e", 20)));
        assertThat(next.toArray()).containsExactly(1f);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "geomedian          | defence 'geomedian' is unknown; expected one of: none, median, trimmed-mean:<beta>",
        "krum               | defence 'krum' is not written as expected",
        "median:3           | defence 'median:3' is not written as expected",
        "krum:one           | defence 'krum:one': 'one' is not a whole number",
        "trimmed-mean:x     | defence 'trimmed-mean:x': 'x' is not a number",
        "trimmed-mean:0.5   | trimmed mean: beta, the share of updates trimmed at each end, must be at least 0 and below 0.5",
        "krum:-1            | krum: f, the number of attackers assumed, must be 0 or more, was -1",
    })
    void explainsBadSettings(String text, String message) {
        assertThatThrownBy(() -> DefenceSettings.parse(text, 0)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void refusesSettingsThatDoNotBelongToTheRule() {
        assertThatThrownBy(() -> DefenceSettings.parse("median", -1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("norm bound must be 0 (no clipping) or a positive number");
        assertThatThrownBy(() -> DefenceSettings.of("median", java.util.Map.of("beta", 0.2), 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("rule 'median' has no parameter 'beta'");
        assertThatThrownBy(() -> DefenceSettings.of("krum", java.util.Map.of("f", 1.0, "m", 3.0), 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("rule 'krum' has no parameter 'm'");
        assertThatThrownBy(() -> DefenceSettings.parse("krum:1.5", 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("'1.5' is not a whole number");
    }

    @Test
    void checksTheNumberOfParticipantsBeforeARun() {
        assertThatThrownBy(() -> DefenceSettings.parse("krum:1", 1).checkParticipants(4))
                .isInstanceOf(BadInputException.class).hasMessageContaining("but the study has 4");
        assertThatCode(() -> DefenceSettings.parse("krum:1", 0).checkParticipants(5)).doesNotThrowAnyException();
        assertThatCode(() -> DefenceSettings.none().checkParticipants(1)).doesNotThrowAnyException();
    }
}
