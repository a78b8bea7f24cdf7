package org.medfed.data;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A seeded split of one participant's rows into k folds for cross-validation, stratified: each class's rows are
 * shuffled and dealt round the folds in turn, the dealing going on from class to class, so that every fold holds
 * each class in proportion and the folds' sizes differ by at most one row.
 *
 * @param fold each row's fold, 0 to k - 1
 */
public record Folds(int k, int[] fold) {

    public static Folds stratified(int[] classes, int classCount, int k, long seed) {
        if (k < 2 || k > classes.length) {
            throw new IllegalArgumentException("cannot make " + k + " folds of " + classes.length + " rows: each fold"
                    + " needs a row and there must be at least 2 folds");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] fold = new int[classes.length];
        int next = 0;
        for (int c = 0; c < classCount; c++) {
            int cls = c;
            int[] rows = IntStream.range(0, classes.length).filter(i -> classes[i] == cls).toArray();
            for (int i = rows.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            for (int row : rows) {
                fold[row] = next;
                next = (next + 1) % k;
            }
        }
        return new Folds(k, fold);
    }

    /** The rows of fold {@code i}, in their order. */
    public int[] heldOut(int i) {
        return IntStream.range(0, fold.length).filter(r -> fold[r] == i).toArray();
    }

    /** Every row but those of fold {@code i}. */
    public int[] rest(int i) {
        return IntStream.range(0, fold.length).filter(r -> fold[r] != i).toArray();
    }
}
