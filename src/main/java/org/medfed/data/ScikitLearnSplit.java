package org.medfed.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * scikit-learn's {@code train_test_split(rows, train_size=f, random_state=seed, stratify=y)} row for row: the
 * draws of numpy's legacy {@code RandomState(seed)} (MT19937 seeded by init_genrand, which commons-math's
 * {@link MersenneTwister#MersenneTwister(int)} is; bounded integers by masked rejection; Fisher-Yates from the
 * end), consumed in the order of {@code StratifiedShuffleSplit} (scikit-learn 1.2): the train count per class by
 * {@code _approximate_mode}, then the test count, then one permutation per class. FLamby's Fed-Heart-Disease
 * split is made this way; {@code ScikitLearnSplitTest} checks it against FLamby's stored split row by row.
 * Unstratified, it is {@code ShuffleSplit}: one permutation, test rows first.
 */
public final class ScikitLearnSplit implements SplitRule {

    public static final ScikitLearnSplit INSTANCE = new ScikitLearnSplit();

    private ScikitLearnSplit() {
    }

    @Override
    public TrainTestSplit split(int[] classes, int classCount, double trainFraction, long seed, boolean stratify) {
        if (seed < 0 || seed > Integer.MAX_VALUE) {
            // commons-math seeds from a signed int; numpy's larger seeds would not give numpy's stream
            throw new IllegalArgumentException("the scikit-learn split takes a seed in [0, 2^31), not " + seed);
        }
        int n = classes.length;
        int nTrain = (int) Math.floor(trainFraction * n + 1e-9);
        int nTest = n - nTrain;
        NumpyLegacyDraws rng = new NumpyLegacyDraws(seed);
        int[] counts = new int[classCount];
        for (int c : classes) {
            counts[c]++;
        }
        // scikit-learn stratifies over the classes present, in sorted order
        int[] present = Arrays.stream(range(classCount)).filter(c -> counts[c] > 0).toArray();
        boolean canStratify = stratify && present.length > 1
                && Arrays.stream(present).allMatch(c -> counts[c] > 2);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        if (canStratify) {
            long[] classCounts = Arrays.stream(present).mapToLong(c -> counts[c]).toArray();
            long[] trainPerClass = approximateMode(classCounts, nTrain, rng);
            long[] remaining = new long[classCounts.length];
            for (int i = 0; i < remaining.length; i++) {
                remaining[i] = classCounts[i] - trainPerClass[i];
            }
            long[] testPerClass = approximateMode(remaining, nTest, rng);
            for (int i = 0; i < present.length; i++) {
                int c = present[i];
                int[] rowsOfClass = java.util.stream.IntStream.range(0, n).filter(r -> classes[r] == c).toArray();
                int[] order = rng.permutation(rowsOfClass.length);
                for (int k = 0; k < trainPerClass[i] + testPerClass[i]; k++) {
                    (k < trainPerClass[i] ? train : test).add(rowsOfClass[order[k]]);
                }
            }
        } else {
            int[] order = rng.permutation(n);
            for (int k = 0; k < nTest + nTrain; k++) {
                (k < nTest ? test : train).add(order[k]);
            }
        }
        return new TrainTestSplit(sorted(train), sorted(test));
    }

    /**
     * scikit-learn's {@code _approximate_mode}: {@code draws} spread over the classes in proportion, the floored
     * shares topped up class by class from the largest remainder down, ties broken by a random choice.
     */
    static long[] approximateMode(long[] classCounts, int draws, NumpyLegacyDraws rng) {
        long total = Arrays.stream(classCounts).sum();
        double[] continuous = new double[classCounts.length];
        long[] floored = new long[classCounts.length];
        double[] remainder = new double[classCounts.length];
        double flooredSum = 0;
        for (int i = 0; i < classCounts.length; i++) {
            continuous[i] = (double) classCounts[i] / (double) total * draws;
            floored[i] = (long) Math.floor(continuous[i]);
            flooredSum += Math.floor(continuous[i]);
            remainder[i] = continuous[i] - Math.floor(continuous[i]);
        }
        int needToAdd = (int) (draws - flooredSum);
        if (needToAdd > 0) {
            TreeSet<Double> values = new TreeSet<>();
            for (double r : remainder) {
                values.add(r);
            }
            for (double value : values.descendingSet()) {
                int[] inds = Arrays.stream(range(remainder.length)).filter(i -> remainder[i] == value).toArray();
                int addNow = Math.min(inds.length, needToAdd);
                int[] chosen = rng.permutation(inds.length);
                for (int k = 0; k < addNow; k++) {
                    floored[inds[chosen[k]]]++;
                }
                needToAdd -= addNow;
                if (needToAdd == 0) {
                    break;
                }
            }
        }
        return floored;
    }

    private static int[] range(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }

    private static int[] sorted(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The draws of numpy's legacy RandomState that the split uses. */
    static final class NumpyLegacyDraws {
        private final MersenneTwister mt;

        NumpyLegacyDraws(long seed) {
            mt = new MersenneTwister((int) seed);
        }

        /** numpy's {@code random_interval}: uniform on [0, max] by masking to the next power of two and rejecting. */
        long interval(long max) {
            if (max == 0) {
                return 0;
            }
            long mask = max;
            mask |= mask >>> 1;
            mask |= mask >>> 2;
            mask |= mask >>> 4;
            mask |= mask >>> 8;
            mask |= mask >>> 16;
            long value;
            do {
                value = Integer.toUnsignedLong(mt.nextInt()) & mask;
            } while (value > max);
            return value;
        }

        /** {@code RandomState.permutation(n)}: arange(n) shuffled from the last element down. */
        int[] permutation(int n) {
            int[] a = range(n);
            for (int i = n - 1; i > 0; i--) {
                int j = (int) interval(i);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
            return a;
        }
    }
}
