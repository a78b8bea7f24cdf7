package org.medfed.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentationMetricsTest {

    // 2x3 images written row by row; probabilities >= 0.5 count as foreground
    private static final float[] TRUTH = {1, 1, 0, 0, 1, 0};
    private static final float[] PREDICTED = {0.9f, 0.2f, 0.7f, 0.1f, 0.5f, 0.49f};

    @Test
    void diceAndIouOfOneImageByHand() {
        // predicted foreground {0, 2, 4}, truth {0, 1, 4}: overlap 2, |P| = 3, |T| = 3, union 4
        assertThat(SegmentationMetrics.dice(PREDICTED, TRUTH)).isEqualTo(2.0 * 2 / 6);
        assertThat(SegmentationMetrics.iou(PREDICTED, TRUTH)).isEqualTo(2.0 / 4);
    }

    @Test
    void emptyMasksFollowTheDocumentedConvention() {
        float[] empty = new float[6];
        float[] nothing = {0.1f, 0.2f, 0, 0, 0.3f, 0.49f};
        assertThat(SegmentationMetrics.dice(nothing, empty)).as("nothing to find, nothing found").isEqualTo(1.0);
        assertThat(SegmentationMetrics.iou(nothing, empty)).isEqualTo(1.0);
        assertThat(SegmentationMetrics.dice(PREDICTED, empty)).as("a false alarm").isEqualTo(0.0);
        assertThat(SegmentationMetrics.dice(nothing, TRUTH)).as("a miss").isEqualTo(0.0);
        assertThat(SegmentationMetrics.iou(nothing, TRUTH)).isEqualTo(0.0);
    }

    @Test
    void meansOverImagesPixelAccuracyAndLossByHand() {
        float[] empty = new float[6];
        float[] nothing = {0.1f, 0.2f, 0, 0, 0.3f, 0.49f};
        Map<String, Double> m = SegmentationMetrics.compute(new float[][] {TRUTH, empty}, new float[][] {PREDICTED, nothing});
        assertThat(m.get("dice")).isCloseTo((2.0 / 3 + 1.0) / 2, within(1e-12));
        assertThat(m.get("iou")).isCloseTo((0.5 + 1.0) / 2, within(1e-12));
        assertThat(m.get("dice_nonempty")).as("only the first image has a true foreground").isCloseTo(2.0 / 3, within(1e-12));
        // image 1: pixels 1 (miss) and 2 (false alarm) wrong; image 2: all six right
        assertThat(m.get("pixel_accuracy")).isCloseTo(10.0 / 12, within(1e-12));
        double loss = -(Math.log(0.9) + Math.log(0.2) + Math.log(1 - 0.7) + Math.log(1 - 0.1) + Math.log(0.5) + Math.log(1 - 0.49)
                + Math.log(0.9) + Math.log(0.8) + Math.log(1 - 1e-7) * 2 + Math.log(0.7) + Math.log(0.51)) / 12;
        assertThat(m.get("loss")).isCloseTo(loss, within(1e-6));
    }

    @Test
    void noNonEmptyMaskMeansNoDiceNonEmpty() {
        Map<String, Double> m = SegmentationMetrics.compute(new float[][] {new float[4]}, new float[][] {new float[4]});
        assertThat(m).doesNotContainKey("dice_nonempty").containsEntry("dice", 1.0).containsEntry("pixel_accuracy", 1.0);
    }
}
