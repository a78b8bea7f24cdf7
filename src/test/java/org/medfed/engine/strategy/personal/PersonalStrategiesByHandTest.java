package org.medfed.engine.strategy.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.medfed.testsupport.Federations.config;
import static org.medfed.testsupport.Federations.quadratic;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.AloneTraining;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelLayout;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalModel;
import org.medfed.engine.PersonalResults;
import org.medfed.engine.RoundContext;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.engine.Strategy;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.site.InProcessParticipant;
import org.medfed.transport.SameThreadTransport;

/**
 * The personalising strategies on participants with loss 0.5 ||w - t||^2, whose local steps are
 * w <- w - lr (w - t) (plus lambda (w - w_global) for Ditto's own model): each expected value is worked out by hand in
 * the comment beside it.
 */
class PersonalStrategiesByHandTest {

    /** Two one-parameter "layers": position 0 is the shared body, position 1 the head kept at each hospital. */
    private static final ModelLayout TWO_LAYERS = ModelLayout.of(1, 1);

    /** The run, then each hospital's personal model made and kept at its side. */
    private record Outcome(RunHistory history, PersonalResults personal, Map<String, ModelVector> kept) {

        float kept(String name, int i) {
            return kept.get(name).get(i);
        }
    }

    private static Outcome run(Strategy strategy, RunConfig config, List<InProcessParticipant> hospitals,
                               float... initial) {
        FederatedRun run = new FederatedRun(config, strategy, hospitals, new SameThreadTransport(), RunListener.NONE);
        RunHistory h = run.execute(ModelVector.of(initial), RunControl.free());
        assertThat(h.status()).as(h.message()).isEqualTo(RunStatus.FINISHED);
        PersonalResults personal = run.personalise(h.model(),
                new AloneTraining(ModelVector.of(initial), config.training()), RunControl.free());
        Map<String, ModelVector> kept = new java.util.TreeMap<>();
        hospitals.forEach(p -> kept.put(p.name(), p.site().state().get(PersonalModel.KEPT).orElseThrow()));
        return new Outcome(h, personal, kept);
    }

    private static ClientUpdate update(String name, int examples, float... model) {
        return ClientUpdate.of(name, 1, new FitResult(ModelVector.of(model), org.medfed.engine.UpdateKind.MODEL,
                examples, 1, 0, Map.of()));
    }

    @Test
    void fedPerAveragesTheBodyAndLeavesTheSharedHeadAsItWas() {
        FedPer fedPer = new FedPer(1, TWO_LAYERS);
        // body (1 * 1 + 3 * 3) / 4 = 2.5; the head stays the global model's 7 whatever the hospitals sent
        ModelVector next = fedPer.aggregate(new RoundContext(1, ModelVector.of(new float[] {0, 7}), 2, List.of()),
                List.of(update("A", 1, 1, 5), update("B", 3, 3, 9)));
        assertThat(next.toArray()).containsExactly(2.5f, 7f);
    }

    @Test
    void fedPerHospitalsTrainTheirOwnHeadAndSendOnlyTheBody() {
        // A: target (0, 0), 1 example; B: target (4, 4), 3 examples; one step of lr 0.5 per round, from (0, 0)
        // round 1: A stays (0, 0); B -> (2, 2), keeps head 2, sends (2, 0); body (0 + 3 * 2) / 4 = 1.5 -> (1.5, 0)
        // round 2: A from (1.5, 0) -> (0.75, 0); B from (1.5, own 2) -> (2.75, 3), keeps 3;
        //          body (0.75 + 3 * 2.75) / 4 = 2.25 -> (2.25, 0)
        Outcome o = run(new FedPer(1, TWO_LAYERS), config(2, 1, 0.5),
                List.of(quadratic("A", 1, 0f, 0f), quadratic("B", 3, 4f, 4f)), 0f, 0f);
        assertThat(o.history().model().toArray()).containsExactly(2.25f, 0f);
        // personal: the final body with each hospital's own head
        assertThat(o.kept().get("A").toArray()).containsExactly(2.25f, 0f);
        assertThat(o.kept().get("B").toArray()).containsExactly(2.25f, 3f);
        assertThat(o.personal().method()).isEqualTo(FedPer.METHOD);
        // B's own model: loss 0.5 ((2.25 - 4)^2 + (3 - 4)^2) = 2.03125, where the shared model scores 9.53125
        assertThat(o.personal().test().get("B").metric("loss")).isCloseTo(2.03125, within(1e-9));
        assertThat(o.history().lastRound().orElseThrow().test().get("B").metric("loss"))
                .isCloseTo(9.53125, within(1e-9));
    }

    /** Three one-parameter "layers", the middle one a batch normalisation: FedBN keeps position 1 at each hospital. */
    private static final ModelLayout NORMALISED_MIDDLE = new ModelLayout(List.of(1, 1, 1), List.of(1));

    @Test
    void fedBnAveragesAllButTheNormalisationWhichStaysAsTheGlobalModelHadIt() {
        FedBn fedBn = new FedBn(NORMALISED_MIDDLE);
        // positions 0 and 2: (1 * 1 + 3 * 3) / 4 = 2.5 and (1 * 2 + 3 * 6) / 4 = 5; position 1 stays the global 7
        ModelVector next = fedBn.aggregate(new RoundContext(1, ModelVector.of(new float[] {0, 7, 0}), 2, List.of()),
                List.of(update("A", 1, 1, 5, 2), update("B", 3, 3, 9, 6)));
        assertThat(next.toArray()).containsExactly(2.5f, 7f, 5f);
    }

    @Test
    void fedBnHospitalsTrainAndKeepTheirOwnNormalisationAndSendTheRest() {
        // A: target (0, 0, 0), 1 example; B: target (4, 4, 4), 3 examples; one step of lr 0.5 per round, from 0
        // round 1: A stays (0, 0, 0), keeps 0; B -> (2, 2, 2), keeps 2, sends (2, 0, 2); (0 + 3 * 2) / 4 = 1.5
        //          -> (1.5, 0, 1.5)
        // round 2: A from (1.5, own 0, 1.5) -> (0.75, 0, 0.75); B from (1.5, own 2, 1.5) -> (2.75, 3, 2.75), keeps 3;
        //          (0.75 + 3 * 2.75) / 4 = 2.25 -> (2.25, 0, 2.25)
        Outcome o = run(new FedBn(NORMALISED_MIDDLE), config(2, 1, 0.5),
                List.of(quadratic("A", 1, 0f, 0f, 0f), quadratic("B", 3, 4f, 4f, 4f)), 0f, 0f, 0f);
        assertThat(o.history().model().toArray()).containsExactly(2.25f, 0f, 2.25f);
        assertThat(o.kept().get("A").toArray()).containsExactly(2.25f, 0f, 2.25f);
        assertThat(o.kept().get("B").toArray()).containsExactly(2.25f, 3f, 2.25f);
        assertThat(o.personal().method()).isEqualTo(FedBn.METHOD);
        // B's own model: loss 0.5 (2 (2.25 - 4)^2 + (3 - 4)^2) = 3.5625
        assertThat(o.personal().test().get("B").metric("loss")).isCloseTo(3.5625, within(1e-9));
    }

    @Test
    void theCatalogueBuildsFedBnForTheModelsNormalisationsAndRefusesAModelWithoutAny() {
        Strategy s = StrategyCatalog.create("fedbn", Map.of(), new ModelLayout(List.of(30, 12, 112, 16, 85, 6), List.of(1, 3)));
        assertThat(((FedBn) s).normalisationRanges()).extracting(r -> r[0] + "-" + r[1]).containsExactly("30-42", "154-170");
        assertThatThrownBy(() -> StrategyCatalog.create("fedbn", Map.of(), ModelLayout.of(30, 10, 3)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("batch norm on");
        assertThatThrownBy(() -> StrategyCatalog.create("fedbn", Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("model's layers");
    }

    @Test
    void dittoTrainsTheSharedModelAsFedAvgAndItsOwnModelWithTheProximalPull() {
        // B alone, target 4, 3 examples; 2 steps of lr 0.5 per round, lambda 1, from 0
        // round 1, shared: 0 -> 2 -> 3 (sent). own v from 0: g = (0 - 4) + 1 (0 - 0) = -4 -> 2;
        //                  g = (2 - 4) + 1 (2 - 0) = 0 -> stays 2
        // round 2, shared from 3: -> 3.5 -> 3.75. own v from 2: g = (2 - 4) + (2 - 3) = -3 -> 3.5;
        //                  g = (3.5 - 4) + (3.5 - 3) = 0 -> stays 3.5
        Outcome o = run(new Ditto(1.0), config(2, 2, 0.5), List.of(quadratic("B", 3, 4f)), 0f);
        assertThat(o.history().model().get(0)).isEqualTo(3.75f);
        assertThat(o.kept("B", 0)).isEqualTo(3.5f);

        // lambda 0: the own model is the hospital's own training, 0 -> 2 -> 3 -> 3.5 -> 3.75
        Outcome alone = run(new Ditto(0.0), config(2, 2, 0.5), List.of(quadratic("B", 3, 4f)), 0f);
        assertThat(alone.kept("B", 0)).isEqualTo(3.75f);
    }

    @Test
    void fineTuningTrainsTheFinalSharedModelForItsEpochsAtItsOwnRate() {
        // weighted FedAvg, one step of lr 0.5: A (target 0, 1 example) stays 0, B (target 4, 3 examples) -> 2;
        // global (0 + 3 * 2) / 4 = 1.5. Fine-tuning: 2 epochs of batches of 1 at lr 0.25, each step multiplies the
        // distance to the target by 0.75: A 2 steps, 1.5 * 0.75^2 = 0.84375; B 6 steps, 4 - 2.5 * 0.75^6 = 3.5550537
        Outcome o = run(new FineTuning(2, 0.25), config(1, 1, 0.5),
                List.of(quadratic("A", 1, 0f), quadratic("B", 3, 4f)), 0f);
        assertThat(o.history().model().get(0)).isEqualTo(1.5f);
        assertThat(o.kept("A", 0)).isCloseTo(0.84375f, within(1e-6f));
        assertThat(o.kept("B", 0)).isCloseTo(3.5550537f, within(1e-6f));
    }

    @Test
    void aStrategyWithoutPersonalisationAsksNothingAfterTheRounds() {
        FederatedRun run = new FederatedRun(config(1, 1, 0.5), StrategyCatalog.create("weighted-fedavg", Map.of()),
                List.of(quadratic("A", 1, 0f)), new SameThreadTransport(), RunListener.NONE);
        ModelVector zero = ModelVector.of(new float[] {0});
        assertThat(run.personalise(zero, new AloneTraining(zero, config(1, 1, 0.5).training()), RunControl.free())
                .isEmpty()).isTrue();
    }

    @Test
    void theCatalogueBuildsFedPerForTheModelsLayersAndRefusesAModelWithoutAHiddenLayer() {
        Strategy s = StrategyCatalog.create("fedper", Map.of("personalLayers", 1.0), ModelLayout.of(30, 10, 3));
        assertThat(((FedPer) s).headStart()).isEqualTo(40);
        assertThatThrownBy(() -> StrategyCatalog.create("fedper", Map.of(), ModelLayout.of(13)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("hidden layer");
        assertThatThrownBy(() -> StrategyCatalog.create("fedper", Map.of("personalLayers", 3.0),
                ModelLayout.of(30, 10, 3))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("keep between 1 and 2");
        assertThatThrownBy(() -> StrategyCatalog.create("fedper", Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("model's layers");
    }

    @Test
    void sameSeedGivesBitIdenticalPersonalModels() {
        for (Strategy s : List.of(new FedPer(1, TWO_LAYERS), new Ditto(0.5), new FineTuning(1, 0.1))) {
            Outcome a = run(s, config(3, 2, 0.3), List.of(quadratic("A", 2, 1f, -1f), quadratic("B", 3, 4f, 2f)), 0f, 0f);
            Outcome b = run(s, config(3, 2, 0.3), List.of(quadratic("A", 2, 1f, -1f), quadratic("B", 3, 4f, 2f)), 0f, 0f);
            assertThat(a.kept()).as(s.id()).isEqualTo(b.kept());
            assertThat(a.personal()).as(s.id()).isEqualTo(b.personal());
        }
        Strategy fedBn = new FedBn(NORMALISED_MIDDLE);
        Outcome a = run(fedBn, config(3, 2, 0.3), List.of(quadratic("A", 2, 1f, -1f, 3f), quadratic("B", 3, 4f, 2f, 0f)),
                0f, 0f, 0f);
        Outcome b = run(fedBn, config(3, 2, 0.3), List.of(quadratic("A", 2, 1f, -1f, 3f), quadratic("B", 3, 4f, 2f, 0f)),
                0f, 0f, 0f);
        assertThat(a.kept()).isEqualTo(b.kept());
        assertThat(a.personal()).isEqualTo(b.personal());
        assertThat(a.kept().get("A").get(1)).isNotEqualTo(a.kept().get("B").get(1));
    }

}
