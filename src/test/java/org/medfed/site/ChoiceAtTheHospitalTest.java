package org.medfed.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.data.ExampleSet;
import org.medfed.engine.AloneTraining;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalModel;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.strategy.personal.HeldOutChoice;
import org.medfed.engine.strategy.personal.HeldOutChoice.Candidate;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.transport.SameThreadTransport;

/**
 * The choice on a real model where it is known: two hospitals whose patients are ill when x > 0 outnumber a third
 * where they are ill when x < 0, so the shared logistic model gets the third hospital's patients wrong and its own
 * model alone gets them right; barely fine-tuned, the shared model stays wrong there.
 */
class ChoiceAtTheHospitalTest {

    private static final ModelSpec SPEC = ModelSpec.logistic(1, 2);
    private static final LocalTraining ALONE = new LocalTraining(0, 20, 4, LocalOptimizer.SGD, 0.5, 11);

    /** {@code n} patients at x evenly from -2 to 2 (none at 0), ill when x > 0, or when x < 0 if flipped. */
    private static ExampleSet rows(int n, boolean flipped) {
        float[][] x = new float[n][1];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = -2f + 4f * (i + 0.5f) / n;
            y[i] = (x[i][0] > 0) != flipped ? 1 : 0;
        }
        return ExampleSet.classification(new int[] {1}, x, y, 2);
    }

    private static InProcessParticipant hospital(String name, int n, boolean flipped) {
        return InProcessParticipant.of(name, 1.0, ModelTrainer.create(SPEC, rows(n, flipped), rows(10, flipped)));
    }

    @Test
    void theHospitalWhoseSharedModelIsWrongKeepsItsOwnModelMadeFromAllItsRows() {
        List<InProcessParticipant> hospitals = List.of(hospital("A", 40, false), hospital("B", 40, false),
                hospital("C", 20, true));
        RunConfig config = new RunConfig(5, 1.0, 1, new LocalTraining(20, 0, 4, LocalOptimizer.SGD, 0.5, 0), 42,
                Duration.ofMinutes(1));
        FederatedRun run = new FederatedRun(config, new HeldOutChoice(5, 1, 1e-4), hospitals,
                new SameThreadTransport(), RunListener.NONE);
        ModelVector initial = SPEC.initialParameters(3);
        RunHistory h = run.execute(initial, RunControl.free());
        assertThat(h.lastRound().orElseThrow().test().get("C").metric("accuracy")).isZero();

        var personal = run.personalise(h.model(), new AloneTraining(initial, ALONE), RunControl.free());

        InProcessParticipant c = hospitals.get(2);
        assertThat(HeldOutChoice.chosen(c.site().state())).contains(Candidate.ALONE);
        assertThat(personal.test().get("C").metric("accuracy")).isEqualTo(1.0);
        // the model kept is C's own model trained on all 20 of its rows, bit for bit
        ModelVector alone = ModelTrainer.create(SPEC, rows(20, true), rows(10, true))
                .train(initial, ALONE, GradientAdjustment.NONE, RunControl.free()).params();
        assertThat(c.site().state().get(PersonalModel.KEPT).orElseThrow().toArray()).containsExactly(alone.toArray());
    }

    @Test
    void aFoldHoldsOutTrainingRowsOnlyAndEveryOneOnce() {
        ModelTrainer trainer = ModelTrainer.create(SPEC, rows(12, false), rows(7, false));
        int heldOut = 0;
        for (int f = 0; f < 4; f++) {
            LocalTrainer fold = trainer.fold(4, f, 5);
            assertThat(fold.trainSize()).isEqualTo(9);
            heldOut += fold.testSize();
        }
        assertThat(heldOut).isEqualTo(12); // the 7 test rows are never among them
    }
}
