package org.medfed.gui.results;

import java.nio.file.Path;

/**
 * An earlier run of the study as the history table shows it: when, with which settings, and its final figures
 * (NaN where a figure was not computed, such as AUC for three classes or baselines that were not trained), the
 * protections in words (empty: none) and the privacy budget epsilon spent (NaN: no differential privacy, or a run
 * kept before it was recorded).
 */
public record RunRecord(Path folder, String started, String status, String strategy, String model, int rounds,
                        int roundsPlanned, double learningRate, long seed, double federatedAccuracy,
                        double federatedAuc, double pooledAccuracy, double bestLocalAccuracy, String bestLocal,
                        String privacy, double epsilon) {

    /** The status of a run the workbench did not see end, which can go on from its last checkpoint. */
    public static final String INTERRUPTED = "interrupted";

    /** Whether this run can be resumed (Resume on the history's row). */
    public boolean resumable() {
        return INTERRUPTED.equals(status);
    }
}
