package org.medfed.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded train/test split of one participant's rows. The training part has floor(fraction * n) rows, as
 * scikit-learn's {@code train_test_split(train_size=fraction)} gives; stratified, each class contributes in
 * proportion (largest remainders) when every class has more than two rows.
 */
public record TrainTestSplit(int[] train, int[] test) {

    public static TrainTestSplit of(int[] classes, int classCount, double trainFraction, long seed, boolean stratify) {
        int n = classes.length;
        int nTrain = (int) Math.floor(trainFraction * n + 1e-9);
        int nTest = n - nTrain;
        SplittableRandom random = new SplittableRandom(seed);
        int[] counts = new int[classCount];
        for (int c : classes) {
            counts[c]++;
        }
        boolean canStratify = stratify && Arrays.stream(counts).filter(k -> k > 0).count() > 1
                && Arrays.stream(counts).filter(k -> k > 0).allMatch(k -> k > 2);
        List<Integer> testRows = new ArrayList<>();
        if (canStratify) {
            int[] testPerClass = allocate(counts, nTest);
            for (int c = 0; c < classCount; c++) {
                int[] rows = rowsOf(classes, c);
                shuffle(rows, random);
                for (int i = 0; i < testPerClass[c]; i++) {
                    testRows.add(rows[i]);
                }
            }
        } else {
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            shuffle(rows, random);
            for (int i = 0; i < nTest; i++) {
                testRows.add(rows[i]);
            }
        }
        boolean[] isTest = new boolean[n];
        testRows.forEach(i -> isTest[i] = true);
        int[] train = new int[n - testRows.size()];
        int[] test = new int[testRows.size()];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (isTest[i]) {
                test[b++] = i;
            } else {
                train[a++] = i;
            }
        }
        return new TrainTestSplit(train, test);
    }

    /** Splits {@code total} over classes in proportion to their counts, remainders to the largest fractions. */
    static int[] allocate(int[] counts, int total) {
        int n = Arrays.stream(counts).sum();
        int[] out = new int[counts.length];
        double[] remainder = new double[counts.length];
        int given = 0;
        for (int c = 0; c < counts.length; c++) {
            double exact = (double) total * counts[c] / n;
            out[c] = (int) Math.floor(exact);
            remainder[c] = exact - out[c];
            given += out[c];
        }
        while (given < total) {
            int best = -1;
            for (int c = 0; c < counts.length; c++) {
                if (out[c] < counts[c] && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            out[best]++;
            remainder[best] = -1;
            given++;
        }
        return out;
    }

    private static int[] rowsOf(int[] classes, int c) {
        return java.util.stream.IntStream.range(0, classes.length).filter(i -> classes[i] == c).toArray();
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
