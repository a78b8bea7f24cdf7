package org.medfed.data.tabular;

import java.util.Map;

/**
 * Per categorical feature column, how many of a hospital's training rows have each level: what the pooled most
 * frequent level that fills missing values is chosen from. Leaves the hospital: counts of at least
 * {@code minimumCount}; a rarer level is left out of the counts (its name is still in the {@link LevelSummary},
 * because encoding needs it), and the coordinator then counts it as 0 at that hospital. (The encoded moments
 * still carry these counts as the sums of the one-hot inputs; see {@link LocalTabularSite}.)
 *
 * @param counts       per categorical column, level to count, only counts of at least {@code minimumCount}
 * @param minimumCount the hospital's threshold below which a count is not reported (1: every count is)
 */
public record TrainLevelCounts(Map<String, Map<String, Integer>> counts, int minimumCount) {

    public TrainLevelCounts {
        counts = PlainCopies.mapOfCounts(counts);
    }
}
