package org.medfed.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.medfed.engine.ModelVector;
import org.medfed.engine.UpdateKind;

class UpdateAttackTest {

    // global (1, 2); the honest hospital trained to (1.5, 1): its change is (0.5, -1)
    private final ModelVector global = ModelVector.of(new float[] {1, 2});
    private final ModelVector trained = ModelVector.of(new float[] {1.5f, 1});

    private ModelVector run(String spec, ModelVector honest, UpdateKind kind, long seed) {
        return UpdateAttack.of(AttackSpec.parse(spec)).corrupt(honest, global, kind, new Random(seed));
    }

    @Test
    void scalingMultipliesTheChange() {
        // (1, 2) + 10 * (0.5, -1) = (6, -8); as a gradient: 10 * (1.5, 1) = (15, 10)
        assertThat(run("scale:10", trained, UpdateKind.MODEL, 0).toArray()).containsExactly(6f, -8f);
        assertThat(run("scale:10", trained, UpdateKind.GRADIENT, 0).toArray()).containsExactly(15f, 10f);
        // factor 1 sends the honest model
        assertThat(run("scale:1", trained, UpdateKind.MODEL, 0)).isEqualTo(trained);
    }

    @Test
    void signFlipSendsTheOppositeChange() {
        // (1, 2) - (0.5, -1) = (0.5, 3); scaled by 2: (1, 2) - 2 * (0.5, -1) = (0, 4)
        assertThat(run("sign-flip", trained, UpdateKind.MODEL, 0).toArray()).containsExactly(0.5f, 3f);
        assertThat(run("sign-flip:2", trained, UpdateKind.MODEL, 0).toArray()).containsExactly(0f, 4f);
        assertThat(run("sign-flip", trained, UpdateKind.GRADIENT, 0).toArray()).containsExactly(-1.5f, -1f);
    }

    @Test
    void freeRidingSendsTheGlobalModelBack() {
        assertThat(run("free-ride", trained, UpdateKind.MODEL, 0)).isEqualTo(global);
        assertThat(run("free-ride", trained, UpdateKind.GRADIENT, 0).toArray()).containsExactly(0f, 0f);
        ModelVector withNoise = run("free-ride:0.001", trained, UpdateKind.MODEL, 7);
        assertThat(withNoise).isNotEqualTo(global);
        assertThat(withNoise.get(0)).isCloseTo(1f, Offset.offset(0.01f));
        assertThat(withNoise.get(1)).isCloseTo(2f, Offset.offset(0.01f));
    }

    @Test
    void noiseIsExactlyTheSeededGaussianDrawsAroundTheGlobalModel() {
        // the same Random draws in parameter order: global + sigma * nextGaussian()
        Random expected = new Random(5);
        float e0 = (float) (1 + 0.5 * expected.nextGaussian());
        float e1 = (float) (2 + 0.5 * expected.nextGaussian());
        assertThat(run("noise:0.5", trained, UpdateKind.MODEL, 5).toArray()).containsExactly(e0, e1);
        // the honest update plays no part
        assertThat(run("noise:0.5", global, UpdateKind.MODEL, 5)).isEqualTo(run("noise:0.5", trained, UpdateKind.MODEL, 5));
        assertThat(run("noise:0.5", trained, UpdateKind.MODEL, 6)).isNotEqualTo(run("noise:0.5", trained, UpdateKind.MODEL, 5));
    }

    @Test
    void noiseHasTheRequestedSpread() {
        int n = 40_000;
        ModelVector zero = ModelVector.zeros(n);
        float[] v = new GaussianNoiseAttack(0.5).corrupt(zero, zero, UpdateKind.MODEL, new Random(11)).toArray();
        double sum = 0;
        double sq = 0;
        for (float x : v) {
            sum += x;
            sq += (double) x * x;
        }
        double mean = sum / n;
        double std = Math.sqrt(sq / n - mean * mean);
        // standard error of the mean 0.5 / 200 = 0.0025; of the std about 0.5 / sqrt(2n) = 0.0018
        assertThat(mean).isCloseTo(0, Offset.offset(0.01));
        assertThat(std).isCloseTo(0.5, Offset.offset(0.01));
    }

    @Test
    void labelFlipIsNotAnUpdateAttack() {
        assertThatThrownBy(() -> UpdateAttack.of(AttackSpec.labelFlip())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LabelFlip");
    }
}
