package org.medfed.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;
import org.medfed.privacy.random.CryptoRandom;
import org.medfed.privacy.random.RandomSource;

class DpSgdTest {

    @Test
    void clipsEachExampleSumsAddsNoiseAndDividesByTheExpectedBatch() {
        // by hand: (3, 4) has norm 5 -> (0.6, 0.8); (0.3, 0.4) has norm 0.5, kept; (0, 0) kept.
        // sum (0.9, 1.2); noise 1.5 * C(=1) * N(0,1); divided by the expected batch size 4
        float[][] grads = {{3, 4}, {0.3f, 0.4f}, {0, 0}};
        DpSgd.PrivateGradient g = DpSgd.privatize(grads, 2, 1.0, 1.5, 4.0, RandomSource.seeded(3).stream("sgd", 1));
        CryptoRandom replay = RandomSource.seeded(3).stream("sgd", 1);
        double n0 = replay.nextGaussian();
        double n1 = replay.nextGaussian();
        assertThat(g.gradient()[0]).isCloseTo((float) ((0.9 + 1.5 * n0) / 4), within(1e-6f));
        assertThat(g.gradient()[1]).isCloseTo((float) ((1.2 + 1.5 * n1) / 4), within(1e-6f));
        assertThat(g.clipped()).isEqualTo(1);
    }

    @Test
    void clippedSumWithoutNoiseIsExact() {
        double[] sum = new double[3];
        int clipped = DpSgd.clippedSum(new float[][] {{2, 0, 0}, {0, 0.5f, 0}, {0, 0, -4}}, 1.0, sum);
        assertThat(sum).containsExactly(new double[] {1, 0.5, -1}, within(1e-12));
        assertThat(clipped).isEqualTo(2);
    }

    @Test
    void anEmptyPoissonBatchStillGetsTheNoise() {
        DpSgd.PrivateGradient g = DpSgd.privatize(new float[0][], 100_000, 2.0, 1.0, 10,
                RandomSource.seeded(1).stream("sgd", 0));
        double sq = 0;
        for (float v : g.gradient()) {
            sq += (double) v * v;
        }
        // noise std on the average: z * C / B = 1 * 2 / 10
        assertThat(Math.sqrt(sq / 100_000)).isCloseTo(0.2, within(0.004));
    }

    @Test
    void nonFiniteOrMisshapenGradientsAreNamed() {
        assertThatThrownBy(() -> DpSgd.clippedSum(new float[][] {{1, Float.NaN}}, 1, new double[2]))
                .isInstanceOf(BadInputException.class).hasMessageContaining("example 0");
        assertThatThrownBy(() -> DpSgd.clippedSum(new float[][] {{1, 2, 3}}, 1, new double[2]))
                .isInstanceOf(BadInputException.class).hasMessageContaining("3 values");
    }

    @Test
    void planCountsStepsLikeComputeDpSgdPrivacyAndReachesTheMnistFigure() {
        DpSgdPlan mnist = new DpSgdPlan(60_000, 256, 1.12, 60);
        assertThat(mnist.samplingRate()).isEqualTo(256 / 60000.0);
        assertThat(mnist.steps()).isEqualTo(14_063); // ceil(60 * 60000 / 256)
        // the tutorial's 2.92 was for 14 040 steps; 23 more steps cannot move it by more than 0.01
        assertThat(mnist.epsilon(1e-5, EpsilonConversion.CLASSIC).epsilon()).isCloseTo(2.92, within(0.01));
        double z = mnist.noiseFor(2.0, 1e-5, EpsilonConversion.BALLE_2020);
        assertThat(new DpSgdPlan(60_000, 256, z, 60).epsilon(1e-5, EpsilonConversion.BALLE_2020).epsilon())
                .isLessThanOrEqualTo(2.0).isGreaterThan(1.99);
        assertThatThrownBy(() -> new DpSgdPlan(100, 200, 1, 1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("batch size");
    }
}
