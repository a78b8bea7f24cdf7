package org.medfed.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.protocol.SiteGateway;

class AsyncStrategiesTest {

    private static ClientUpdate model(String name, float... v) {
        return new ClientUpdate(name, ModelVector.of(v), UpdateKind.MODEL, 10, 1, 1, 0.1, Map.of());
    }

    private static RoundContext context(ModelVector global, Map<String, RoundContext.Start> starts) {
        return new RoundContext(5, global, 3, List.of(), SiteGateway.NONE, starts);
    }

    @Test
    void stalenessWeightsAreXieEtAlsFunctions() {
        assertThat(StalenessWeight.constant().of(7)).isEqualTo(1.0);
        assertThat(StalenessWeight.polynomial(0.5).of(3)).isEqualTo(0.5); // (3 + 1)^-0.5
        assertThat(StalenessWeight.polynomial(1).of(0)).isEqualTo(1.0);
        StalenessWeight hinge = StalenessWeight.hinge(1, 2);
        assertThat(hinge.of(2)).isEqualTo(1.0);
        assertThat(hinge.of(5)).isEqualTo(0.25); // 1 / (1 * (5 - 2) + 1)
        assertThatThrownBy(() -> StalenessWeight.polynomial(-1)).isInstanceOf(BadInputException.class);
    }

    @Test
    void fedAsyncMixesOneArrivalWithAWeightThatFallsWithStaleness() {
        FedAsync constant = (FedAsync) StrategyCatalog.create("fedasync", Map.of("alpha", 0.5));
        ModelVector global = ModelVector.of(new float[] {1.5f, -2f});
        Map<String, RoundContext.Start> stale = Map.of("b", new RoundContext.Start(ModelVector.zeros(2), 2));
        // 0.5 * 1.5 + 0.5 * 4 = 2.75; 0.5 * -2 + 0.5 * 0 = -1
        assertThat(constant.aggregate(context(global, stale), List.of(model("b", 4f, 0f))).toArray())
                .containsExactly(2.75f, -1f);
        FedAsync polynomial = (FedAsync) StrategyCatalog.create("fedasync-polynomial", Map.of("alpha", 0.5, "a", 1.0));
        // alpha_t = 0.5 / (2 + 1) = 1/6: 5/6 * 1.5 + 1/6 * 4 = 1.9166..
        float[] x = polynomial.aggregate(context(global, stale), List.of(model("b", 4f, 0f))).toArray();
        assertThat((double) x[0]).isCloseTo(5.0 / 6 * 1.5 + 4.0 / 6, within(1e-6));
        assertThat(polynomial.roundDiagnostics().get("async.mixing")).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(polynomial.schedule().asynchronous()).isTrue();
        assertThat(polynomial.schedule().buffer()).isEqualTo(1);
    }

    @Test
    void fedBuffMovesByTheMeanOfStalenessWeightedChangesFromEachStart() {
        FedBuff buff = (FedBuff) StrategyCatalog.create("fedbuff", Map.of("bufferSize", 2.0, "serverLearningRate", 0.5));
        ModelVector global = ModelVector.of(new float[] {3f});
        Map<String, RoundContext.Start> starts = Map.of(
                "a", new RoundContext.Start(ModelVector.of(new float[] {3f}), 0),
                "c", new RoundContext.Start(ModelVector.of(new float[] {0f}), 3));
        // changes: a 2 - 3 = -1 (weight 1), c 8 - 0 = 8 (weight 1/sqrt(4) = 0.5); 3 + 0.5 * (-1 + 4) / 2 = 3.75
        assertThat(buff.aggregate(context(global, starts), List.of(model("a", 2f), model("c", 8f))).toArray())
                .containsExactly(3.75f);
        assertThat(buff.schedule().buffer()).isEqualTo(2);
        assertThatThrownBy(() -> StrategyCatalog.create("fedbuff", Map.of("bufferSize", 2.5)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("whole number");
    }
}
