package org.medfed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearningCurveTest {

    private static RunHistory run(RunStatus status, double... losses) {
        List<RoundRecord> rounds = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            rounds.add(new RoundRecord(i + 1, List.of("a"), Map.of(), Map.of(), Map.of("loss", losses[i]), List.of(),
                    Duration.ZERO, 0, Map.of()));
        }
        return new RunHistory("fedavg", List.of("a"), rounds, ModelVector.wrap(new float[1]), status, "", Duration.ZERO);
    }

    @Test
    void aLossStillFallingOverTheLastQuarterIsNoted() {
        // 20 rounds: the window is the last 5; 0.692 -> 0.671 is 3.03 % lower, every step down
        double[] losses = {0.80, 0.79, 0.78, 0.77, 0.76, 0.75, 0.74, 0.73, 0.72, 0.715, 0.71, 0.705, 0.70, 0.697,
            0.692, 0.687, 0.682, 0.678, 0.674, 0.671};
        assertThat(LearningCurve.stillImproving(run(RunStatus.FINISHED, losses), false)).hasValue(
                "The model was still improving when the run ended: its test loss fell from 0.692 at round 15 to 0.671 "
                        + "at round 20 (3.0 % lower). More rounds, or a larger learning rate, may give a better model.");
        assertThat(LearningCurve.stillImproving(run(RunStatus.FINISHED, losses), true).orElseThrow())
                .contains("at merge 15").contains("More merges");
        // a stopped or failed run is not judged
        assertThat(LearningCurve.stillImproving(run(RunStatus.CANCELLED, losses), false)).isEmpty();
    }

    @Test
    void aFlatARisingOrAWanderingEndOrAShortRunSaysNothing() {
        double[] flat = new double[20];
        java.util.Arrays.fill(flat, 0.5);
        flat[19] = 0.495; // 1 % lower: under the 2 % that counts
        assertThat(LearningCurve.stillImproving(run(RunStatus.FINISHED, flat), false)).isEmpty();
        double[] overfitting = {0.8, 0.7, 0.6, 0.55, 0.5, 0.48, 0.47, 0.47, 0.48, 0.5, 0.52, 0.55};
        assertThat(LearningCurve.stillImproving(run(RunStatus.FINISHED, overfitting), false)).isEmpty();
        // 12 rounds: window 3; 0.60 -> 0.50 is lower, but only one of the three steps falls
        double[] wandering = {0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.6, 0.7, 0.8, 0.5};
        assertThat(LearningCurve.stillImproving(run(RunStatus.FINISHED, wandering), false)).isEmpty();
        assertThat(LearningCurve.stillImproving(run(RunStatus.FINISHED, 0.9, 0.8, 0.7, 0.6, 0.5), false)).isEmpty();
        assertThat(LearningCurve.stillImproving(run(RunStatus.FINISHED, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2,
                Double.NaN, 0.1, 0.05), false)).isEmpty();
    }

    private static RunHistory withMetrics(double[] losses, double[] accuracy, double[] auc) {
        List<RoundRecord> rounds = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            rounds.add(new RoundRecord(i + 1, List.of("a"), Map.of(), Map.of(),
                    Map.of("loss", losses[i], "accuracy", accuracy[i], "auc", auc[i]), List.of(), Duration.ZERO, 0, Map.of()));
        }
        return new RunHistory("fedavg", List.of("a"), rounds, ModelVector.wrap(new float[1]), RunStatus.FINISHED, "",
                Duration.ZERO);
    }

    /**
     * The Wisconsin file split in three, SGD at 0.05: the loss fell from 0.109 to 0.100 over rounds 15 to 20 while
     * accuracy (0.982) and AUC (0.998) stood still: the probabilities sharpen, the decisions are final.
     */
    @Test
    void aLossThatFallsWhileAccuracyAndAucStandStillIsNoUnfinishedModel() {
        double[] losses = new double[20];
        double[] flatAccuracy = new double[20];
        double[] flatAuc = new double[20];
        double[] risingAuc = new double[20];
        for (int i = 0; i < 20; i++) {
            losses[i] = 0.3 - 0.01 * i;
            flatAccuracy[i] = i < 10 ? 0.9 : 0.982;
            flatAuc[i] = i < 10 ? 0.95 : 0.998;
            risingAuc[i] = 0.95 + 0.002 * i;
        }
        assertThat(LearningCurve.stillImproving(withMetrics(losses, flatAccuracy, flatAuc), false)).isEmpty();
        // either metric rising keeps the note
        assertThat(LearningCurve.stillImproving(withMetrics(losses, flatAccuracy, risingAuc), false)).isPresent();
    }
}
