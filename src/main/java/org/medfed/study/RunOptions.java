package org.medfed.study;

/**
 * Overrides for one run of a study: another seed, another number of rounds, whether to train the comparison
 * models (each hospital alone, all data pooled), and how many hospitals train at once (0: one per core).
 */
public record RunOptions(Long seed, Integer rounds, boolean baselines, int participantThreads) {

    public RunOptions(Long seed, Integer rounds, boolean baselines) {
        this(seed, rounds, baselines, 0);
    }

    public static RunOptions defaults() {
        return new RunOptions(null, null, false, 0);
    }

    public RunOptions withBaselines(boolean on) {
        return new RunOptions(seed, rounds, on, participantThreads);
    }

    /**
     * Leaves one core for the workbench's screen: on a 2-core machine training on both cores starved the FX
     * thread and stalled the live charts.
     */
    public RunOptions leavingACoreFree() {
        return new RunOptions(seed, rounds, baselines, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    int threadsFor(int participants) {
        int cores = participantThreads > 0 ? participantThreads : Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(participants, cores));
    }
}
