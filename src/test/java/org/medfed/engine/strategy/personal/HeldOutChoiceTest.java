package org.medfed.engine.strategy.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.medfed.testsupport.Federations.config;
import static org.medfed.testsupport.Federations.quadratic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.medfed.engine.AloneTraining;
import org.medfed.engine.BadInputException;
import org.medfed.engine.Evaluation;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalModel;
import org.medfed.engine.PersonalResults;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.engine.strategy.personal.HeldOutChoice.Candidate;
import org.medfed.site.InProcessParticipant;
import org.medfed.transport.SameThreadTransport;

/**
 * The choice at each hospital worked out by hand, on participants with loss 0.5 (w - t)^2 on any rows, so that the
 * nearest candidate to t wins: a step of rate lr multiplies the distance to t by (1 - lr).
 */
class HeldOutChoiceTest {

    private record Outcome(PersonalResults personal, Map<String, Float> kept, Map<String, Candidate> chosen) {
    }

    /**
     * Three hospitals of 4 rows each, targets H1 = 1, H2 = 8, H3 = -3, one round of one step at rate 0.5 from 0:
     * they send 0.5, 4 and -1.5, so the shared model is 1. Four folds of one row: each fold's candidates are made from
     * the 3 other rows, and all four folds score alike.
     * Fine-tuning and the own model alone: one epoch of batches of 1 at rate 0.25, so 3 steps on 3 rows, each
     * leaving 0.75 of the distance (0.75^3 = 0.421875); the own model starts from the initial 0, fine-tuning from 1.
     */
    private static Outcome run() {
        List<InProcessParticipant> hospitals = List.of(quadratic("H1", 4, 1f), quadratic("H2", 4, 8f),
                quadratic("H3", 4, -3f));
        RunConfig config = config(1, 1, 0.5);
        FederatedRun run = new FederatedRun(config, new HeldOutChoice(4, 1, 0.25), hospitals,
                new SameThreadTransport(), RunListener.NONE);
        RunHistory h = run.execute(ModelVector.of(new float[] {0f}), RunControl.free());
        assertThat(h.model().get(0)).isEqualTo(1f);
        AloneTraining alone = new AloneTraining(ModelVector.of(new float[] {0f}),
                new LocalTraining(0, 1, 1, LocalOptimizer.SGD, 0.25, 7));
        PersonalResults personal = run.personalise(h.model(), alone, RunControl.free());
        Map<String, Float> kept = new TreeMap<>();
        Map<String, Candidate> chosen = new TreeMap<>();
        for (InProcessParticipant p : hospitals) {
            kept.put(p.name(), p.site().state().get(PersonalModel.KEPT).orElseThrow().get(0));
            chosen.put(p.name(), HeldOutChoice.chosen(p.site().state()).orElseThrow());
        }
        return new Outcome(personal, kept, chosen);
    }

    @Test
    void eachHospitalKeepsTheCandidateClosestOnItsHeldOutRowsRemadeFromAllItsRows() {
        Outcome o = run();
        // H1: shared at distance 0, fine-tuned from 1 stays at 1 (distance 0), alone 1 * 0.421875: shared and
        // fine-tuned tie in score and loss, and the tie goes to the shared model, kept as it is
        assertThat(o.chosen().get("H1")).isEqualTo(Candidate.SHARED);
        assertThat(o.kept().get("H1")).isEqualTo(1f);
        // H2: shared 7, fine-tuned 7 * 0.421875 = 2.953, alone 8 * 0.421875 = 3.375: fine-tuned, then remade on all
        // 4 rows: 8 - 7 * 0.75^4 = 5.78515625
        assertThat(o.chosen().get("H2")).isEqualTo(Candidate.FINE_TUNED);
        assertThat(o.kept().get("H2")).isCloseTo(5.78515625f, within(1e-5f));
        // H3: shared 4, fine-tuned 4 * 0.421875 = 1.6875, alone 3 * 0.421875 = 1.266: alone, remade on all 4 rows:
        // -3 + 3 * 0.75^4 = -2.05078125
        assertThat(o.chosen().get("H3")).isEqualTo(Candidate.ALONE);
        assertThat(o.kept().get("H3")).isCloseTo(-2.05078125f, within(1e-5f));
        // each answers with the test metrics of the model it kept: H3's loss 0.5 * 0.94921875^2
        assertThat(o.personal().method()).isEqualTo(HeldOutChoice.METHOD);
        assertThat(o.personal().test().get("H3").metric("loss")).isCloseTo(0.5 * 0.94921875 * 0.94921875,
                within(1e-6));
    }

    @Test
    void theSameRunChoosesTheSameModelsBitForBit() {
        Outcome a = run();
        Outcome b = run();
        assertThat(b.kept()).isEqualTo(a.kept());
        assertThat(b.chosen()).isEqualTo(a.chosen());
    }

    @Test
    void theLowestLossWinsOrForSegmentationTheHighestDiceAndATieGoesToTheEarlierCandidate() {
        Evaluation a = new Evaluation(5, Map.of("accuracy", 0.8, "loss", 0.5));
        Evaluation b = new Evaluation(5, Map.of("accuracy", 0.6, "loss", 0.4));
        Evaluation c = new Evaluation(5, Map.of("accuracy", 0.8, "loss", 0.45));
        assertThat(HeldOutChoice.best(List.of(a, b, c))).isEqualTo(1); // the loss decides, not the accuracy
        assertThat(HeldOutChoice.best(List.of(a, c, a))).isEqualTo(1);
        assertThat(HeldOutChoice.best(List.of(a, a, a))).isZero(); // all equal: the first
        // segmentation: Dice decides, the loss only between equal Dice
        Evaluation d = new Evaluation(5, Map.of("dice", 0.3, "loss", 0.1));
        Evaluation e = new Evaluation(5, Map.of("dice", 0.7, "loss", 0.9));
        Evaluation f = new Evaluation(5, Map.of("dice", 0.7, "loss", 0.8));
        assertThat(HeldOutChoice.best(List.of(d, e, f))).isEqualTo(2);
    }

    @Test
    void theCatalogueOffersItWithItsSettingsAndRefusesFewerThanTwoFoldsOrAFraction() {
        var d = StrategyCatalog.require("fedavg-choose");
        assertThat(d.explanation()).contains("keeps the best");
        assertThat(StrategyCatalog.create("fedavg-choose", Map.of())).isInstanceOf(HeldOutChoice.class);
        assertThatThrownBy(() -> StrategyCatalog.create("fedavg-choose", Map.of("folds", 1.0)))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> StrategyCatalog.create("fedavg-choose", Map.of("epochs", 2.5)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> StrategyCatalog.create("fedavg-choose", Map.of("folds", 3.5)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("whole number");
    }
}
