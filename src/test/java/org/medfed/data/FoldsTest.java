package org.medfed.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FoldsTest {

    @Test
    void everyRowIsHeldOutOnceAndEachFoldHoldsTheClassesInProportion() {
        // 7 rows of class 0 and 3 of class 1 dealt round 3 folds, the dealing going on across classes:
        // class 0 fills folds 0,1,2,0,1,2,0 and class 1 goes on with 1,2,0: sizes 4, 3, 3 with 3+1, 2+1, 2+1
        int[] classes = {0, 1, 0, 0, 1, 0, 0, 1, 0, 0};
        Folds folds = Folds.stratified(classes, 2, 3, 7);
        int[] all = IntStream.range(0, 3).flatMap(i -> Arrays.stream(folds.heldOut(i))).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 10).toArray());
        assertThat(IntStream.range(0, 3).map(i -> folds.heldOut(i).length).toArray()).containsExactly(4, 3, 3);
        for (int i = 0; i < 3; i++) {
            int[] held = folds.heldOut(i);
            assertThat(Arrays.stream(held).filter(r -> classes[r] == 1).count()).isEqualTo(1);
            assertThat(folds.rest(i)).hasSize(10 - held.length).doesNotContain(held);
        }
        assertThat(Folds.stratified(classes, 2, 3, 7).fold()).containsExactly(folds.fold());
        assertThat(Folds.stratified(classes, 2, 3, 8).fold()).isNotEqualTo(folds.fold());
    }

    @Test
    void moreFoldsThanRowsOrFewerThanTwoAreRefused() {
        assertThatThrownBy(() -> Folds.stratified(new int[] {0, 1}, 2, 3, 1))
                .hasMessageContaining("cannot make 3 folds of 2 rows");
        assertThatThrownBy(() -> Folds.stratified(new int[] {0, 1}, 2, 1, 1)).hasMessageContaining("at least 2");
    }
}
