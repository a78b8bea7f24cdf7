package org.medfed.engine.strategy.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfed.engine.strategy.robust.Updates.gradient;
import static org.medfed.engine.strategy.robust.Updates.model;
import static org.medfed.engine.strategy.robust.Updates.round;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;

class NormClippingTest {

    // global (1, 1); a sends (4, 5): change (3, 4), norm 5; b sends (1.5, 1): change (0.5, 0), norm 0.5
    private final List<ClientUpdate> updates = List.of(model("a", 4, 5), model("b", 1.5f, 1));

    @Test
    void shrinksLongChangesToTheBoundAndKeepsShortOnes() {
        TestMean inner = new TestMean();
        NormClipping clipping = new NormClipping(inner, 1.0);
        ModelVector next = clipping.aggregate(round(1, 1, 1), updates);
        // a: scale 1 / 5 = 0.2 -> (1 + 0.6, 1 + 0.8) = (1.6, 1.8); b untouched (the same object)
        List<ClientUpdate> seen = inner.received.get(0);
        assertThat(seen.get(0).update().toArray()).containsExactly(1.6f, 1.8f);
        assertThat(seen.get(1)).isSameAs(updates.get(1));
        // equal examples: ((1.6 + 1.5) / 2, (1.8 + 1) / 2) = (1.55, 1.4)
        assertThat(next.get(0)).isCloseTo(1.55f, Offset.offset(1e-6f));
        assertThat(next.get(1)).isCloseTo(1.4f, Offset.offset(1e-6f));

        assertThat(clipping.roundDiagnostics()).containsEntry("robust.clipped.a", 0.2)
                .containsEntry("robust.norm.a", 5.0).containsEntry("robust.norm.b", 0.5)
                .containsEntry("robust.norm-clipping.clipped", 1.0).doesNotContainKey("robust.clipped.b");
        RobustReport report = clipping.lastReports().get(0);
        assertThat(report.clipped()).containsExactly("a");
        assertThat(report.verdict("a").orElseThrow().keptShare()).isEqualTo(0.2);
        assertThat(report.verdict("a").orElseThrow().explanation()).contains("norm 5").contains("scaled by 0.2");
        assertThat(clipping.id()).isEqualTo("norm-clipping(test-mean)");
    }

    @Test
    void clipsGradientsThemselves() {
        // gradient (6, 8), norm 10, bound 5 -> (3, 4)
        TestMean inner = new TestMean();
        new NormClipping(inner, 5).aggregate(round(1, 100, 100), List.of(gradient("a", 6, 8)));
        assertThat(inner.received.get(0).get(0).update().toArray()).containsExactly(3f, 4f);
    }

    @Test
    void composesWithMedianAndReportsBothLayers() {
        // clip to 1 around global (0): a 0.5 stays, b 3 -> 1, c -2 -> -1; median of (0.5, 1, -1) = 0.5
        NormClipping clipping = new NormClipping(new Median(), 1);
        ModelVector next = clipping.aggregate(round(2, 0), List.of(model("a", 0.5f), model("b", 3), model("c", -2)));
        assertThat(next.toArray()).containsExactly(0.5f);
        assertThat(clipping.id()).isEqualTo("norm-clipping(median)");
        assertThat(clipping.lastReports()).extracting(RobustReport::rule).containsExactly("norm-clipping", "median");
        assertThat(clipping.lastReports().get(0).clipped()).containsExactly("b", "c");
        assertThat(clipping.roundDiagnostics()).containsKeys("robust.clipped.b", "robust.used.a", "robust.median.rejected");
    }

    @Test
    void boundsTheInfluenceOfAModelReplacement() {
        // honest: global 0 + 0.1 each; attacker: 0 + 100. Mean without clipping: (0.1 * 4 + 100) / 5 = 20.08;
        // with bound 0.5: the attacker counts as 0.5 -> (0.4 + 0.5) / 5 = 0.18
        List<ClientUpdate> round = List.of(model("a", 0.1f), model("b", 0.1f), model("c", 0.1f), model("d", 0.1f),
                model("x", 100f));
        assertThat(new TestMean().aggregate(round(1, 0), round).get(0)).isCloseTo(20.08f, Offset.offset(1e-4f));
        assertThat(new NormClipping(new TestMean(), 0.5).aggregate(round(1, 0), round).get(0))
                .isCloseTo(0.18f, Offset.offset(1e-6f));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsABoundThatIsNotAPositiveNumber(double bound) {
        assertThatThrownBy(() -> new NormClipping(new TestMean(), bound)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("norm bound must be a positive number");
    }

    @Test
    void needsAStrategyToWrap() {
        assertThatThrownBy(() -> new NormClipping(null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("wraps a strategy");
    }

    @Test
    void checksTheWrappedRuleToo() {
        assertThatThrownBy(() -> new NormClipping(new Krum(1), 1).checkParticipants(4))
                .isInstanceOf(BadInputException.class).hasMessageContaining("krum");
    }
}
