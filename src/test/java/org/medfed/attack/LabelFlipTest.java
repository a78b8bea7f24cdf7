package org.medfed.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;

class LabelFlipTest {

    @Test
    void binaryLabelsSwap() {
        int[] labels = {0, 1, 1, 0, 1};
        assertThat(LabelFlip.reverse(2).apply(labels)).containsExactly(1, 0, 0, 1, 0);
        assertThat(labels).containsExactly(0, 1, 1, 0, 1);
    }

    @Test
    void multiClassDefaultIsCMinusOneMinusY() {
        // C = 4: 0 -> 3, 1 -> 2, 2 -> 1, 3 -> 0
        assertThat(LabelFlip.reverse(4).apply(new int[] {0, 1, 2, 3, 3})).containsExactly(3, 2, 1, 0, 0);
        // C = 3 keeps the middle class: 1 -> 1
        assertThat(LabelFlip.reverse(3).map(1)).isEqualTo(1);
    }

    @Test
    void aGivenPermutation() {
        LabelFlip flip = LabelFlip.permutation(1, 2, 0);
        assertThat(flip.apply(new int[] {0, 1, 2, 2})).containsExactly(1, 2, 0, 0);
        assertThat(flip.mapping()).containsExactly(1, 2, 0);
    }

    @Test
    void fromASpec() {
        assertThat(LabelFlip.of(AttackSpec.parse("label-flip"), 2).mapping()).containsExactly(1, 0);
        assertThat(LabelFlip.of(AttackSpec.parse("label-flip:2,0,1"), 3).map(0)).isEqualTo(2);
        assertThatThrownBy(() -> LabelFlip.of(AttackSpec.parse("label-flip:1,0"), 3))
                .isInstanceOf(BadInputException.class)
                .hasMessage("attack label-flip:1,0 gives new labels for 2 classes, but the task has 3");
        assertThatThrownBy(() -> LabelFlip.of(AttackSpec.scale(2), 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelsOutsideTheClassesAreReported() {
        assertThatThrownBy(() -> LabelFlip.reverse(2).apply(new int[] {0, 1, 2}))
                .isInstanceOf(BadInputException.class)
                .hasMessage("label 2 (example 3) is outside 0..1 for a task with 2 classes");
        assertThatThrownBy(() -> LabelFlip.reverse(2).map(-1)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> LabelFlip.reverse(1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at least 2 classes");
    }
}
