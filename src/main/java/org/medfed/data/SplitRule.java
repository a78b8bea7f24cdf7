package org.medfed.data;

/**
 * How a participant's rows are divided into train and test: {@link TrainTestSplit#of} is ours (seeded, used by
 * every study); {@link ScikitLearnSplit} draws as scikit-learn does, to stand on a published benchmark's exact rows.
 */
@FunctionalInterface
public interface SplitRule {

    /**
     * @param classes    each row's class index
     * @param classCount number of agreed classes
     */
    TrainTestSplit split(int[] classes, int classCount, double trainFraction, long seed, boolean stratify);

    SplitRule OURS = TrainTestSplit::of;
}
