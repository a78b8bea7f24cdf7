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
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;

class TrimmedMeanTest {

    // five hospitals, one coordinate: 1, 2, 3, 4 and an attacker at 100
    private final List<ClientUpdate> five = List.of(
            model("a", 1), model("b", 2), model("c", 3), model("d", 4), model("mallory", 100));

    @ParameterizedTest
    @CsvSource({
        // beta, n, trimmed at each end = floor(beta * n)
        "0.0, 5, 0",
        "0.1, 5, 0",   // 0.5 -> 0
        "0.2, 4, 0",   // 0.8 -> 0
        "0.2, 5, 1",
        "0.25, 4, 1",
        "0.24999, 4, 0",
        "0.3, 10, 3",  // 3 exactly, although 0.3 * 10 is 2.9999999999999996 in double
        "0.49, 4, 1",
        "0.4, 3, 1",
    })
    void trimsFloorOfBetaTimesNAtEachEnd(double beta, int n, int expected) {
        assertThat(new TrimmedMean(beta).trimPerSide(n)).isEqualTo(expected);
    }

    @Test
    void betaZeroIsThePlainMean() {
        // (1 + 2 + 3 + 4 + 100) / 5 = 22
        assertThat(new TrimmedMean(0).aggregate(round(1, 0), five).toArray()).containsExactly(22f);
    }

    @Test
    void betaPointTwoOfFiveDropsTheAttacker() {
        // floor(0.2 * 5) = 1 at each end: 1 and 100 dropped, (2 + 3 + 4) / 3 = 3
        TrimmedMean rule = new TrimmedMean(0.2);
        assertThat(rule.aggregate(round(1, 0), five).toArray()).containsExactly(3f);
        RobustReport report = rule.lastReports().get(0);
        assertThat(report.rejected()).containsExactly("a", "mallory");
        assertThat(report.verdict("c").orElseThrow().decision()).isEqualTo(UpdateVerdict.Decision.KEPT);
        assertThat(rule.roundDiagnostics()).containsEntry("robust.trimmed_per_side", 1.0)
                .containsEntry("robust.rejected.mallory", 1.0).containsEntry("robust.trimmed-mean.rejected", 2.0);
    }

    @Test
    void largestBetaOfThreeIsTheMedian() {
        // n = 3, beta 0.4 -> 1 trimmed each end -> the middle value
        List<ClientUpdate> three = List.of(model("a", 7, 0), model("b", -3, 1), model("c", 5, 9));
        ModelVector trimmed = new TrimmedMean(0.4).aggregate(round(1, 0, 0), three);
        assertThat(trimmed.toArray()).containsExactly(5f, 1f);
        assertThat(trimmed).isEqualTo(new Median().aggregate(round(1, 0, 0), three));
    }

    @Test
    void matchesScipyOnTheFiveByFourExample() {
        // scipy.stats.trim_mean(arange(20).reshape(5, 4), 0.25) = [8, 9, 10, 11]
        List<ClientUpdate> rows = List.of(model("r0", 0, 1, 2, 3), model("r1", 4, 5, 6, 7), model("r2", 8, 9, 10, 11),
                model("r3", 12, 13, 14, 15), model("r4", 16, 17, 18, 19));
        assertThat(new TrimmedMean(0.25).aggregate(round(1, 0, 0, 0, 0), rows).toArray())
                .containsExactly(8f, 9f, 10f, 11f);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 0.5, 0.7, Double.NaN})
    void rejectsBetaOutsideZeroToHalf(double beta) {
        assertThatThrownBy(() -> new TrimmedMean(beta)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("beta").hasMessageContaining("below 0.5");
    }

    @Test
    void aStudyWhereBetaTrimsNothingIsRefusedBeforeTheRun() {
        assertThatThrownBy(() -> new TrimmedMean(0.2).checkParticipants(4)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("trims nothing with 4 updates").hasMessageContaining("at least 0.25");
        assertThatCode(() -> new TrimmedMean(0.2).checkParticipants(5)).doesNotThrowAnyException();
        assertThatCode(() -> new TrimmedMean(0).checkParticipants(2)).doesNotThrowAnyException();
    }
}
