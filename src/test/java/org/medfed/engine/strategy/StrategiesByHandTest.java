package org.medfed.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.medfed.testsupport.Federations.config;
import static org.medfed.testsupport.Federations.quadratic;
import static org.medfed.testsupport.Federations.run;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.ClientUpdate;
import org.medfed.site.InProcessParticipant;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunStatus;
import org.medfed.engine.UpdateKind;

/**
 * Every strategy on participants with loss 0.5 (w - t)^2, whose local steps are w <- w - lr (w - t): each
 * expected value below is worked out by hand in the comment beside it.
 */
class StrategiesByHandTest {

    // A: target 0 with 1 example; B: target 4 with 3 examples
    private final List<InProcessParticipant> ab = List.of(quadratic("A", 1, 0f), quadratic("B", 3, 4f));

    private static float model(RunHistory h) {
        assertThat(h.status()).as(h.message()).isEqualTo(RunStatus.FINISHED);
        return h.model().get(0);
    }

    @Test
    void fedAvgTakesThePlainMean() {
        // one step of lr 0.5 from 0: A stays at 0, B moves to 2; plain mean = 1
        assertThat(model(run(FedAvg.plain(), config(1, 1, 0.5), ab, 0f))).isEqualTo(1f);
    }

    @Test
    void weightedFedAvgWeighsBySamples() {
        // (0 * 1 + 2 * 3) / 4 = 1.5
        assertThat(model(run(FedAvg.bySamples(), config(1, 1, 0.5), ab, 0f))).isEqualTo(1.5f);
    }

    @Test
    void customWeightsComeFromTheParticipants() {
        // weights 3 (A) and 1 (B): (0 * 3 + 2 * 1) / 4 = 0.5
        List<InProcessParticipant> weighted = List.of(
                InProcessParticipant.of("A", 3, new org.medfed.testsupport.QuadraticTrainer(1, 0f)),
                InProcessParticipant.of("B", 1, new org.medfed.testsupport.QuadraticTrainer(3, 4f)));
        assertThat(model(run(new FedAvg(Weighting.CUSTOM), config(1, 1, 0.5), weighted, 0f))).isEqualTo(0.5f);
    }

    @Test
    void fedSgdStepsAlongTheSampleWeightedMeanGradient() {
        // gradients at 0: A 0, B -4; weighted (0 * 1 - 4 * 3) / 4 = -3; 0 - 0.5 * (-3) = 1.5
        assertThat(model(run(new FedSgd(0.5), config(1, 1, 0.1), ab, 0f))).isEqualTo(1.5f);
    }

    @Test
    void fedProxPullsLocalTrainingTowardsTheGlobalModel() {
        // B alone, 2 steps of lr 0.5, mu 1, from 0: g1 = -4 -> 2; g2 = (2 - 4) + 1 * (2 - 0) = 0 -> stays 2
        List<InProcessParticipant> b = List.of(quadratic("B", 3, 4f));
        assertThat(model(run(new FedProx(1.0), config(1, 2, 0.5), b, 0f))).isEqualTo(2f);
        // without the pull: g2 = -2 -> 3
        assertThat(model(run(new FedProx(0.0), config(1, 2, 0.5), b, 0f))).isEqualTo(3f);
    }

    @Test
    void fedAdamFirstRoundIsASignStepOfTheServerRate() {
        // delta = 1.5 (weighted FedAvg above); m = 0.15, v = 0.001 * 2.25; step = 0.01 * 0.15 / 0.047434 = 0.0316228
        float x = model(run(new FedOpt(FedOpt.Kind.ADAM, 0.01, 0.9, 0.999, 1e-8), config(1, 1, 0.5), ab, 0f));
        assertThat(x).isCloseTo(0.0316228f, within(1e-6f));
    }

    @Test
    void fedAdagradFirstRoundStepsByTheServerRateTimesOneMinusBeta1() {
        // v = 2.25, m = 0.15: step = 0.01 * 0.15 / 1.5 = 0.001
        float x = model(run(new FedOpt(FedOpt.Kind.ADAGRAD, 0.01, 0.9, 0, 1e-8), config(1, 1, 0.5), ab, 0f));
        assertThat(x).isCloseTo(0.001f, within(1e-7f));
    }

    @Test
    void secondMomentRulesByHand() {
        // v = 0.5, d^2 = 2, beta2 = 0.9
        assertThat(FedOpt.secondMoment(FedOpt.Kind.ADAM, 0.5, 2, 0.9)).isCloseTo(0.9 * 0.5 + 0.1 * 2, within(1e-15));
        // Yogi when v < d^2: v - (1 - beta2) d^2 sign(v - d^2) = 0.5 + 0.2 = 0.7 (Adam: 0.65)
        assertThat(FedOpt.secondMoment(FedOpt.Kind.YOGI, 0.5, 2, 0.9)).isCloseTo(0.7, within(1e-15));
        // Yogi when v > d^2: 3 - 0.1 * 2 = 2.8
        assertThat(FedOpt.secondMoment(FedOpt.Kind.YOGI, 3, 2, 0.9)).isCloseTo(2.8, within(1e-15));
        assertThat(FedOpt.secondMoment(FedOpt.Kind.ADAGRAD, 0.5, 2, 0.9)).isCloseTo(2.5, within(1e-15));
    }

    @Test
    void fedYogiDiffersFromAdamFromTheSecondRound() {
        FedOpt adam = new FedOpt(FedOpt.Kind.ADAM, 0.1, 0.9, 0.5, 1e-8);
        FedOpt yogi = new FedOpt(FedOpt.Kind.YOGI, 0.1, 0.9, 0.5, 1e-8);
        ModelVector g = ModelVector.of(new float[] {0f});
        List<ClientUpdate> d1 = List.of(update("A", 1f));
        List<ClientUpdate> d2 = List.of(update("A", 0.1f));
        RoundContext r1 = new RoundContext(1, g, 1, List.of());
        // round 1, delta 1: m = 0.1, v = 0.5 (both); x = 0.1 * 0.1 / sqrt(0.5) = 0.0141421
        ModelVector a1 = adam.aggregate(r1, d1);
        ModelVector y1 = yogi.aggregate(r1, d1);
        assertThat(a1.get(0)).isCloseTo(0.0141421f, within(1e-6f));
        assertThat(y1).isEqualTo(a1);
        // round 2, delta 0.1 - x1 = 0.0858579 (model 0.1 from x1); Adam v = 0.25 + 0.5 * 0.0073716 = 0.2536858;
        // Yogi v = 0.5 - 0.5 * 0.0073716 = 0.4963142
        RoundContext r2 = new RoundContext(2, a1, 1, List.of());
        double d = 0.1 - a1.get(0);
        double m2 = 0.9 * 0.1 + 0.1 * d;
        double adamX = a1.get(0) + 0.1 * m2 / Math.sqrt(0.25 + 0.5 * d * d);
        double yogiX = a1.get(0) + 0.1 * m2 / Math.sqrt(0.5 - 0.5 * d * d);
        assertThat(adam.aggregate(r2, d2).get(0)).isCloseTo((float) adamX, within(1e-6f));
        assertThat(yogi.aggregate(r2, d2).get(0)).isCloseTo((float) yogiX, within(1e-6f));
    }

    @Test
    void scaffoldControlVariatesByHand() {
        // A (t 0) and B (t 4), one example each, one step of lr 0.5, server rate 1, N = 2
        // round 1: y_A = 0, y_B = 2 -> x = 1; c_A = 0, c_B = (0 - 2) / 0.5 = -4 -> c = -2
        // round 2: A's gradient (1 - 0) + (c - c_A) = -1 -> y_A = 1.5; B's (1 - 4) + (-2 + 4) = -1 -> y_B = 1.5
        //          x = 1.5; c_A = 0 + 2 + (1 - 1.5) / 0.5 = 1; c_B = -4 + 2 - 1 = -3; c = -2 + (1 + 1) / 2 = -1
        List<InProcessParticipant> equal = List.of(quadratic("A", 1, 0f), quadratic("B", 1, 4f));
        Scaffold scaffold = new Scaffold(1.0);
        RunHistory h = run(scaffold, config(2, 1, 0.5), equal, 0f);
        assertThat(model(h)).isEqualTo(1.5f);
        assertThat(scaffold.clientProcedure().params().floats(Scaffold.SERVER_CONTROL)[0]).isEqualTo(-1f);
        // FedAvg would have reached x = 1.5 too on this symmetric problem, but through y_A = 0.5, y_B = 2.5:
        // the corrections made both hospitals take the same step
        assertThat(h.rounds().get(1).trainLoss().get("A")).isCloseTo(0.5, within(1e-9));   // 0.5 (1 - 0)^2
        assertThat(h.rounds().get(1).trainLoss().get("B")).isCloseTo(4.5, within(1e-9));   // 0.5 (1 - 4)^2
    }

    @Test
    void cyclicHandsTheModelOnInTurn() {
        // fixed order A, B, A: A keeps 0; B from 0 to 2; A from 2 to 1
        RunHistory h = run(new Cyclic(false), config(3, 1, 0.5), ab, 0f);
        assertThat(model(h)).isEqualTo(1f);
        assertThat(h.rounds()).extracting(r -> r.selected()).containsExactly(List.of("A"), List.of("B"), List.of("A"));
    }

    @Test
    void cyclicShuffledVisitsEveryParticipantOncePerCycle() {
        List<InProcessParticipant> four = List.of(quadratic("A", 1, 0f), quadratic("B", 1, 1f), quadratic("C", 1, 2f),
                quadratic("D", 1, 3f));
        RunHistory h = run(new Cyclic(true), config(8, 1, 0.5), four, 0f);
        List<String> order = h.rounds().stream().map(r -> r.selected().get(0)).toList();
        assertThat(order.subList(0, 4)).containsExactlyInAnyOrder("A", "B", "C", "D");
        assertThat(order.subList(4, 8)).containsExactlyInAnyOrder("A", "B", "C", "D");
    }

    @Test
    void catalogBuildsEveryStrategyAndRefusesBadParameters() {
        // a layer, a batch normalisation (FedBN keeps it) and a last layer (FedPer keeps it)
        var layout = new org.medfed.engine.ModelLayout(List.of(10, 4, 3), List.of(1));
        for (StrategyDescriptor d : StrategyCatalog.all()) {
            assertThat(d.create(Map.of(), layout).id()).isEqualTo(d.id());
        }
        assertThat(StrategyCatalog.find("fedprox")).isPresent();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StrategyCatalog.create("fedprox", Map.of("mu", -1.0)))
                .hasMessage("strategy 'fedprox': Mu must be >= 0, was -1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StrategyCatalog.create("fedavg", Map.of("mu", 1.0)))
                .hasMessage("strategy 'fedavg' has no parameter 'mu'; it takes none");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StrategyCatalog.create("fedmagic", Map.of()))
                .hasMessageStartingWith("strategy 'fedmagic' is unknown; known strategies: fedavg, weighted-fedavg");
    }

    private static ClientUpdate update(String name, float value) {
        return new ClientUpdate(name, ModelVector.of(new float[] {value}), UpdateKind.MODEL, 1, 1, 1, 0, Map.of());
    }
}
