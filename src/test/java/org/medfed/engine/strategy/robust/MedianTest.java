package org.medfed.engine.strategy.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfed.engine.strategy.robust.Updates.gradient;
import static org.medfed.engine.strategy.robust.Updates.model;
import static org.medfed.engine.strategy.robust.Updates.round;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.UpdateKind;

class MedianTest {

    // Three honest hospitals near (1, 2) and one attacker far away:
    // coordinate 0: 0.9, 1.0, 1.2, 50 -> (1.0 + 1.2) / 2 = 1.1
    // coordinate 1: 2.0, 2.1, 1.9, -40 -> sorted -40, 1.9, 2.0, 2.1 -> (1.9 + 2.0) / 2 = 1.95
    private final List<ClientUpdate> round = List.of(
            model("a", 0.9f, 2.0f), model("b", 1.0f, 2.1f), model("c", 1.2f, 1.9f), model("mallory", 50f, -40f));

    @Test
    void theMedianBecomesTheNextModel() {
        Median median = new Median();
        ModelVector next = median.aggregate(round(1, 0, 0), round);
        assertThat(next.toArray()).containsExactly((float) ((1.0f + 1.2f) / 2.0), (float) ((1.9f + 2.0f) / 2.0));
        assertThat(next.get(0)).isCloseTo(1.1f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(median.id()).isEqualTo("median");
    }

    @Test
    void reportsHowOftenEachUpdateWasUsed() {
        Median median = new Median();
        median.aggregate(round(3, 0, 0), round);
        // coordinate 0 uses b and c; coordinate 1 uses c (1.9) and a (2.0)
        RobustReport report = median.lastReports().get(0);
        assertThat(report.round()).isEqualTo(3);
        assertThat(report.rule()).isEqualTo("median");
        assertThat(report.verdict("a").orElseThrow().keptShare()).isEqualTo(0.5);
        assertThat(report.verdict("b").orElseThrow().decision()).isEqualTo(UpdateVerdict.Decision.PARTLY_USED);
        assertThat(report.verdict("c").orElseThrow().decision()).isEqualTo(UpdateVerdict.Decision.KEPT);
        assertThat(report.rejected()).containsExactly("mallory");
        assertThat(report.verdict("mallory").orElseThrow().explanation()).contains("never used");

        Map<String, Double> d = median.roundDiagnostics();
        assertThat(d).containsEntry("robust.used.a", 0.5).containsEntry("robust.used.c", 1.0)
                .containsEntry("robust.used.mallory", 0.0).containsEntry("robust.rejected.mallory", 1.0)
                .containsEntry("robust.median.rejected", 1.0).doesNotContainKey("robust.rejected.a");
    }

    @Test
    void theOrderOfTheUpdatesDoesNotMatter() {
        ModelVector sorted = new Median().aggregate(round(1, 0, 0), round);
        ModelVector shuffled = new Median().aggregate(round(1, 0, 0),
                List.of(round.get(3), round.get(1), round.get(0), round.get(2)));
        assertThat(shuffled).isEqualTo(sorted);
    }

    @Test
    void handsTheMedianToAWrappedStrategyAsTheOnlyUpdate() {
        TestMean inner = new TestMean();
        Median median = new Median(inner);
        ModelVector next = median.aggregate(round(1, 0, 0), round);
        assertThat(next).isEqualTo(new Median().aggregate(round(1, 0, 0), round));
        assertThat(inner.received).hasSize(1);
        ClientUpdate consensus = inner.received.get(0).get(0);
        assertThat(consensus.participant()).isEqualTo(RobustAggregation.CONSENSUS);
        assertThat(consensus.examples()).isEqualTo(40);
        assertThat(median.id()).isEqualTo("median(test-mean)");
    }

    @Test
    void gradientsNeedAStrategyThatAppliesThem() {
        assertThatThrownBy(() -> new Median().aggregate(round(1, 0), List.of(gradient("a", 1), gradient("b", 2))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("fedsgd");
    }

    @Test
    void refusesUpdatesCarryingExtraVectors() {
        ClientUpdate withExtras = new ClientUpdate("a", ModelVector.of(new float[] {1}), UpdateKind.MODEL, 1, 1, 1, 0,
                Map.of("control_delta", new org.medfed.engine.protocol.Value.Floats(new float[] {0})));
        assertThatThrownBy(() -> new Median().aggregate(round(1, 0), List.of(withExtras, model("b", 2))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("SCAFFOLD")
                .hasMessageContaining("control_delta");
    }

    @Test
    void resetForgetsTheLastRound() {
        Median median = new Median();
        median.aggregate(round(1, 0, 0), round);
        median.reset();
        assertThat(median.lastReports()).isEmpty();
        assertThat(median.roundDiagnostics()).isEmpty();
    }
}
