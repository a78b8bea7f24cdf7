package org.medfed.study;

/**
 * Overrides for one run of a study: another seed, another number of rounds, and whether to train the
 * comparison models (each hospital alone, all data pooled).
 */
public record RunOptions(Long seed, Integer rounds, boolean baselines) {

    public static RunOptions defaults() {
        return new RunOptions(null, null, false);
    }

    public RunOptions withBaselines(boolean on) {
        return new RunOptions(seed, rounds, on);
    }
}
