package org.medfed.engine.strategy.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfed.engine.strategy.robust.Updates.model;
import static org.medfed.engine.strategy.robust.Updates.round;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientUpdate;

class KrumTest {

    // 1-D updates 0, 1, 3, 4 and an outlier 20, n = 5, f = 1: each is scored on its 2 nearest neighbours.
    // Scores (worked out in RobustMathTest): a 10, b 5, c 5, d 10, mallory 545.
    private final List<ClientUpdate> five = List.of(
            model("a", 0), model("b", 1), model("c", 3), model("d", 4), model("mallory", 20));

    @Test
    void keepsTheLowestScoreAndBreaksTiesByName() {
        Krum krum = new Krum(1);
        // b and c tie at 5: b comes first by name
        assertThat(krum.aggregate(round(1, 0), five).toArray()).containsExactly(1f);
        RobustReport report = krum.lastReports().get(0);
        assertThat(report.rejected()).containsExactly("a", "c", "d", "mallory");
        assertThat(report.verdict("b").orElseThrow().explanation()).contains("score 5").contains("2 nearest");
        assertThat(krum.roundDiagnostics()).containsEntry("robust.score.mallory", 545.0)
                .containsEntry("robust.score.b", 5.0).containsEntry("robust.rejected.mallory", 1.0)
                .containsEntry("robust.krum.rejected", 4.0).doesNotContainKey("robust.rejected.b");
    }

    @Test
    void picksAnHonestUpdateWhenFAttackersSendOutliers() {
        // 5 honest hospitals around (1, 1), 2 attackers far away (one pair colluding on the same point would
        // be closest to each other, but each still needs n - f - 2 = 3 neighbours, so honest ones enter).
        // Hand check for h3 = (1, 1): distances^2 to h1 (1.1, 1) 0.01, h2 (0.9, 1) 0.01, h4 (1, 1.2) 0.04,
        // h5 (1, 0.8) 0.04 -> the 3 nearest sum to 0.06, the lowest of all.
        List<ClientUpdate> seven = List.of(
                model("h1", 1.1f, 1f), model("h2", 0.9f, 1f), model("h3", 1f, 1f), model("h4", 1f, 1.2f),
                model("h5", 1f, 0.8f), model("x1", 100f, -100f), model("x2", 100f, -100f));
        Krum krum = new Krum(2);
        assertThat(krum.aggregate(round(1, 0, 0), seven).toArray()).containsExactly(1f, 1f);
        assertThat(krum.roundDiagnostics().get("robust.score.h3")).isCloseTo(0.06, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(krum.lastReports().get(0).rejected()).contains("x1", "x2");
    }

    @Test
    void needsMoreThanTwoFPlusTwoUpdates() {
        List<ClientUpdate> four = five.subList(0, 4);
        assertThatThrownBy(() -> new Krum(1).aggregate(round(3, 0), four)).isInstanceOf(BadInputException.class)
                .hasMessage("krum assumes up to f = 1 attacker and so needs more than 2f + 2 = 4 updates per round, "
                        + "but round 3 has 4; lower f or add participants");
        assertThatThrownBy(() -> new Krum(2).checkParticipants(6)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("f = 2 attackers").hasMessageContaining("the study has 6");
        assertThatCode(() -> new Krum(2).checkParticipants(7)).doesNotThrowAnyException();
        assertThatCode(() -> new Krum(0).checkParticipants(3)).doesNotThrowAnyException();
    }

    @Test
    void rejectsANegativeF() {
        assertThatThrownBy(() -> new Krum(-1)).isInstanceOf(BadInputException.class).hasMessageContaining("f,");
    }

    @Test
    void handsTheChosenUpdateToAWrappedStrategy() {
        TestMean inner = new TestMean();
        Krum krum = new Krum(1, inner);
        krum.aggregate(round(1, 0), five);
        assertThat(inner.received.get(0)).extracting(ClientUpdate::participant).containsExactly("b");
        assertThat(krum.id()).isEqualTo("krum(test-mean)");
    }

    @Test
    void multiKrumAveragesTheMBest() {
        // m = 3: b (5), c (5), then a and d tie at 10 -> a by name; (0 + 1 + 3) / 3 = 4/3
        MultiKrum multi = new MultiKrum(1, 3);
        assertThat(multi.aggregate(round(1, 0), five).get(0)).isEqualTo((float) (4.0 / 3.0));
        assertThat(multi.lastReports().get(0).rejected()).containsExactly("d", "mallory");
        assertThat(multi.id()).isEqualTo("multi-krum");
    }

    @Test
    void multiKrumByDefaultKeepsNMinusF() {
        // n - f = 4: a, b, c, d -> (0 + 1 + 3 + 4) / 4 = 2
        MultiKrum multi = new MultiKrum(1);
        assertThat(multi.aggregate(round(1, 0), five).toArray()).containsExactly(2f);
        assertThat(multi.keptOf(5)).isEqualTo(4);
        assertThat(multi.lastReports().get(0).rejected()).containsExactly("mallory");
    }

    @Test
    void multiKrumWithAWrappedStrategyLetsItWeighTheKeptUpdates() {
        TestMean inner = new TestMean();
        new MultiKrum(1, 3, inner).aggregate(round(1, 0), five);
        assertThat(inner.received.get(0)).extracting(ClientUpdate::participant).containsExactly("a", "b", "c");
    }

    @Test
    void multiKrumChecksItsSettings() {
        assertThatThrownBy(() -> new MultiKrum(1, -2)).isInstanceOf(BadInputException.class).hasMessageContaining("m,");
        assertThatThrownBy(() -> new MultiKrum(1, 6).aggregate(round(2, 0), five)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("m = 6").hasMessageContaining("round 2 has 5");
        assertThatThrownBy(() -> new MultiKrum(2).checkParticipants(6)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("more than 2f + 2 = 6");
    }
}
