package org.medfed.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * A reliability diagram: patients grouped by predicted probability of the positive class into equal-width bins,
 * and in each bin the mean prediction against the share that were positive. A well calibrated model lies on the
 * diagonal; empty bins are left out.
 */
public final class Calibration {

    public static final int BINS = 10;

    private Calibration() {
    }

    public record Bin(double meanPredicted, double observed, int patients) {
    }

    public static List<Bin> bins(int[] labels, double[] scores, int bins) {
        double[] sumPredicted = new double[bins];
        int[] positives = new int[bins];
        int[] count = new int[bins];
        for (int k = 0; k < labels.length; k++) {
            int b = Math.min(bins - 1, Math.max(0, (int) Math.floor(scores[k] * bins)));
            sumPredicted[b] += scores[k];
            positives[b] += labels[k] == 1 ? 1 : 0;
            count[b]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                out.add(new Bin(sumPredicted[b] / count[b], (double) positives[b] / count[b], count[b]));
            }
        }
        return out;
    }
}
