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
}
