package org.medfed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.data.ExampleSet;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.site.InProcessParticipant;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.engine.Seeds;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.transport.SameThreadTransport;

/** The image models behind the engine's interfaces: every strategy runs them unchanged. */
class ImageFederationTest {

    private static final ModelSpec CNN = ModelSpec.cnn(new int[] {1, 8, 8}, 2, new int[] {2}, 3);
    private static final LocalTraining PLAN = new LocalTraining(2, 0, 4, LocalOptimizer.SGD, 0.1, 0);

    private static RunHistory run(String strategy, Map<String, Double> params, ModelSpec spec, ExampleSet a,
                                  ExampleSet b, int rounds) {
        List<InProcessParticipant> participants = List.of(
                InProcessParticipant.of("a", 1.0, ModelTrainer.create(spec, a, a)),
                InProcessParticipant.of("b", 1.0, ModelTrainer.create(spec, b, b)));
        RunConfig config = new RunConfig(rounds, 1.0, 1, PLAN, 42, Duration.ofMinutes(5));
        return new FederatedRun(config, StrategyCatalog.create(strategy, params), participants,
                new SameThreadTransport(), RunListener.NONE).execute(spec.initialParameters(3),
                RunControl.free());
    }

    @Test
    void fedAvgOfATinyCnnIsTheMeanOfTheTwoHospitalsLocalModels() {
        ExampleSet a = TinyImages.squares(8, 8, 10);
        ExampleSet b = TinyImages.squares(8, 8, 11);
        RunHistory h = run("fedavg", Map.of(), CNN, a, b, 1);

        assertThat(h.status()).isEqualTo(RunStatus.FINISHED);
        ModelVector init = CNN.initialParameters(3);
        ModelVector la = new Dl4jTrainer(CNN, a, a).train(init, PLAN.withSeed(Seeds.derive(42, "a", 1)),
                GradientAdjustment.NONE, RunControl.free()).params();
        ModelVector lb = new Dl4jTrainer(CNN, b, b).train(init, PLAN.withSeed(Seeds.derive(42, "b", 1)),
                GradientAdjustment.NONE, RunControl.free()).params();
        for (int i = 0; i < init.size(); i++) {
            assertThat(h.model().get(i)).isCloseTo((la.get(i) + lb.get(i)) / 2, within(1e-6f));
        }
        assertThat(h.rounds().get(0).test().get("a").metrics()).containsKeys("accuracy", "auc", "balanced_accuracy");
        assertThat(run("fedavg", Map.of(), CNN, a, b, 1).model()).as("bit-identical rerun").isEqualTo(h.model());
    }

    @Test
    void fedProxScaffoldAndFedSgdRunTheCnnAndFedAvgTheUnet() {
        ExampleSet a = TinyImages.squares(6, 8, 12);
        ExampleSet b = TinyImages.squares(6, 8, 13);
        for (String s : List.of("fedprox", "scaffold", "fedsgd")) {
            RunHistory h = run(s, Map.of(), CNN, a, b, 2);
            assertThat(h.status()).as(s).isEqualTo(RunStatus.FINISHED);
            assertThat(h.model().isFinite()).as(s).isTrue();
            assertThat(h.model()).as(s).isNotEqualTo(CNN.initialParameters(3));
        }
        ModelSpec unet = ModelSpec.unet(new int[] {1, 8, 8}, 2, 2);
        RunHistory seg = run("fedavg", Map.of(), unet, a, b, 1);
        assertThat(seg.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(seg.rounds().get(0).test().get("b").metrics()).containsKeys("dice", "iou", "pixel_accuracy");
    }
}
