package org.medfed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ModelVector;

/** Pruning and int8 quantisation against values worked out by hand. */
class CompactionTest {

    @Test
    void pruningZeroesTheSmallestMagnitudesOfEachLayer() {
        // |w| sorted: 0.0 (5), 0.1 (1), 0.2 (4), 0.3 (2), 0.5 (0), 0.7 (3): half of six is three
        assertThat(Compaction.prune(new float[] {0.5f, -0.1f, 0.3f, -0.7f, 0.2f, 0f}, 0.5))
                .containsExactly(0.5f, 0f, 0.3f, -0.7f, 0f, 0f);
        // ties go by position; a share below one weight prunes nothing
        assertThat(Compaction.prune(new float[] {1f, -1f, 1f, -1f}, 0.5)).containsExactly(0f, 0f, 1f, -1f);
        assertThat(Compaction.prune(new float[] {1f, -1f, 1f}, 0.3)).containsExactly(1f, -1f, 1f);
    }

    @Test
    void int8RowsScaleByTheLargestMagnitudeOver127AndRoundHalfToEven() {
        float[] w = {127f, -63.5f, 31.75f, 0.4f, /* row of zeros */ 0f, 0f, 0f, 0f, -254f, 100f, 3f, 1f};
        Compaction.Int8Rows q = Compaction.Int8Rows.of(w, 3);
        assertThat(q.scales()).containsExactly(1f, 1f, 2f);
        assertThat(q.values()).containsExactly(127, -64, 32, 0, 0, 0, 0, 0, -127, 50, 2, 0);
        assertThat(q.dequantised()).containsExactly(127f, -64f, 32f, 0f, 0f, 0f, 0f, 0f, -254f, 100f, 4f, 0f);
    }

    @Test
    void aCompactedModelPrunesAndRoundsWeightsButKeepsBiases() {
        // logistic regression, 4 inputs, 3 classes: W[3 x 4] (one row of 4 per class) then 3 biases
        ModelSpec spec = ModelSpec.logistic(4, 3);
        float[] p = {127f, -63.5f, 31.75f, 0.4f, 0f, 0f, 0f, 0f, -254f, 100f, 3f, 1f, 0.3f, -0.2f, 0.1f};
        ModelVector pruned = new Compaction(0.5, false).apply(spec, ModelVector.wrap(p));
        // the six smallest of the 12 weights: the four zeros, 0.4 and 1
        assertThat(pruned.toArray()).containsExactly(127f, -63.5f, 31.75f, 0f, 0f, 0f, 0f, 0f, -254f, 100f, 3f, 0f,
                0.3f, -0.2f, 0.1f);
        ModelVector both = new Compaction(0.5, true).apply(spec, ModelVector.wrap(p));
        assertThat(both.toArray()).containsExactly(127f, -64f, 32f, 0f, 0f, 0f, 0f, 0f, -254f, 100f, 4f, 0f,
                0.3f, -0.2f, 0.1f);
    }

    @Test
    void theShareMustBeBelowOne() {
        assertThatThrownBy(() -> new Compaction(1.0, false)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("below 1");
        assertThat(new Compaction(0.5, true).describe()).isEqualTo("50 % of each layer's weights pruned (smallest "
                + "magnitude), int8 weights, one scale per output unit");
    }
}
