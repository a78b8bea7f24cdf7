package org.medfed.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Value;

class SimulatedAttackerTest {

    /** What an honest hospital "trained": always (1.5, 1) with fixed figures. */
    private static FitResult honest() {
        return new FitResult(ModelVector.of(new float[] {1.5f, 1}), UpdateKind.MODEL, 80, 7, 0.25,
                Map.of("extra", new Value.Floats(new float[] {9})));
    }

    private static FitInstruction instruction(int round) {
        LocalTraining training = new LocalTraining(1, 0, 8, LocalOptimizer.SGD, 0.1, 0);
        return new FitInstruction(round, ModelVector.of(new float[] {1, 2}), training, Params.EMPTY);
    }

    @Test
    void corruptsOnlyTheUpdate() {
        SimulatedAttacker attacker = new SimulatedAttacker("hospital-x", AttackSpec.scale(10), 1);
        FitResult sent = attacker.corrupt(honest(), instruction(1));
        // (1, 2) + 10 * ((1.5, 1) - (1, 2)) = (6, -8)
        assertThat(sent.update().toArray()).containsExactly(6f, -8f);
        assertThat(sent.examples()).isEqualTo(80);
        assertThat(sent.steps()).isEqualTo(7);
        assertThat(sent.trainLoss()).isEqualTo(0.25);
        assertThat(sent.extras()).containsKey("extra");
        assertThat(attacker).hasToString("SimulatedAttacker[hospital-x: scale:10]");
    }

    @Test
    void itsNoiseDependsOnlyOnSeedParticipantAndRound() {
        SimulatedAttacker a = new SimulatedAttacker("x", AttackSpec.noise(1), 42);
        SimulatedAttacker again = new SimulatedAttacker("x", AttackSpec.noise(1), 42);
        SimulatedAttacker other = new SimulatedAttacker("y", AttackSpec.noise(1), 42);
        ModelVector r1 = a.corrupt(honest(), instruction(1)).update();
        assertThat(again.corrupt(honest(), instruction(1)).update()).isEqualTo(r1);
        assertThat(a.corrupt(honest(), instruction(2)).update()).isNotEqualTo(r1);
        assertThat(a.corrupt(honest(), instruction(1)).update()).isEqualTo(r1);
        assertThat(other.corrupt(honest(), instruction(1)).update()).isNotEqualTo(r1);
    }

    @Test
    void labelFlippingBelongsToTheDataLoader() {
        assertThatThrownBy(() -> new SimulatedAttacker("x", AttackSpec.labelFlip(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("when loading its data");
    }
}
