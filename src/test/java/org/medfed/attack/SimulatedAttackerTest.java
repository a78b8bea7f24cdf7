package org.medfed.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.ClientProcedure;
import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.RunControl;
import org.medfed.engine.UpdateKind;

class SimulatedAttackerTest {

    /** An honest hospital that always "trains" to (1.5, 1) and reports fixed figures. */
    private static final class FixedParticipant implements Participant {
        private final String name;
        int fits;

        FixedParticipant(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int trainSize() {
            return 80;
        }

        @Override
        public int testSize() {
            return 20;
        }

        @Override
        public double weight() {
            return 2.5;
        }

        @Override
        public FitResult fit(FitInstruction instruction, RunControl control) {
            fits++;
            return new FitResult(ModelVector.of(new float[] {1.5f, 1}), UpdateKind.MODEL, 80, 7, 0.25,
                    Map.of("extra", ModelVector.of(new float[] {9})));
        }

        @Override
        public Evaluation evaluate(ModelVector model, DataSplit split) {
            return new Evaluation(20, Map.of("accuracy", 0.75));
        }
    }

    private static FitInstruction instruction(int round) {
        LocalTraining training = new LocalTraining(1, 0, 8, LocalOptimizer.SGD, 0.1, 0);
        return new FitInstruction(round, ModelVector.of(new float[] {1, 2}), training, ClientProcedure.LOCAL_TRAINING,
                Map.of());
    }

    @Test
    void trainsHonestlyThenCorruptsOnlyTheUpdate() throws Exception {
        FixedParticipant honest = new FixedParticipant("hospital-x");
        SimulatedAttacker attacker = new SimulatedAttacker(honest, AttackSpec.scale(10), 1);
        FitResult sent = attacker.fit(instruction(1), RunControl.free());
        // (1, 2) + 10 * ((1.5, 1) - (1, 2)) = (6, -8)
        assertThat(sent.update().toArray()).containsExactly(6f, -8f);
        assertThat(sent.examples()).isEqualTo(80);
        assertThat(sent.steps()).isEqualTo(7);
        assertThat(sent.trainLoss()).isEqualTo(0.25);
        assertThat(sent.extras()).containsKey("extra");
        assertThat(honest.fits).isEqualTo(1);
    }

    @Test
    void looksLikeTheHospitalItWraps() throws Exception {
        SimulatedAttacker attacker = new SimulatedAttacker(new FixedParticipant("hospital-x"), AttackSpec.signFlip(), 1);
        assertThat(attacker.name()).isEqualTo("hospital-x");
        assertThat(attacker.trainSize()).isEqualTo(80);
        assertThat(attacker.testSize()).isEqualTo(20);
        assertThat(attacker.weight()).isEqualTo(2.5);
        assertThat(attacker.evaluate(ModelVector.zeros(2), DataSplit.TEST).metric("accuracy")).isEqualTo(0.75);
        assertThat(attacker).hasToString("SimulatedAttacker[hospital-x: sign-flip]");
    }

    @Test
    void itsNoiseDependsOnlyOnSeedParticipantAndRound() throws Exception {
        SimulatedAttacker a = new SimulatedAttacker(new FixedParticipant("x"), AttackSpec.noise(1), 42);
        SimulatedAttacker again = new SimulatedAttacker(new FixedParticipant("x"), AttackSpec.noise(1), 42);
        SimulatedAttacker other = new SimulatedAttacker(new FixedParticipant("y"), AttackSpec.noise(1), 42);
        ModelVector r1 = a.fit(instruction(1), RunControl.free()).update();
        assertThat(again.fit(instruction(1), RunControl.free()).update()).isEqualTo(r1);
        assertThat(a.fit(instruction(2), RunControl.free()).update()).isNotEqualTo(r1);
        assertThat(a.fit(instruction(1), RunControl.free()).update()).isEqualTo(r1);
        assertThat(other.fit(instruction(1), RunControl.free()).update()).isNotEqualTo(r1);
    }

    @Test
    void labelFlippingBelongsToTheDataLoader() {
        assertThatThrownBy(() -> new SimulatedAttacker(new FixedParticipant("x"), AttackSpec.labelFlip(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("when loading its data");
    }
}
