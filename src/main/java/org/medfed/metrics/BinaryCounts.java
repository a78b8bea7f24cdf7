package org.medfed.metrics;

/**
 * The four counts of a two-class decision at a threshold (a patient is called positive when the score is at least
 * the threshold), and the sensitivity and specificity they give.
 */
public record BinaryCounts(double threshold, int truePositives, int falseNegatives, int trueNegatives, int falsePositives) {

    /** The threshold the trained model decides at (see ClassificationMetrics.predictedClass). */
    public static final double DEFAULT_THRESHOLD = 0.5;

    public static BinaryCounts at(int[] labels, double[] scores, double threshold) {
        int tp = 0;
        int fn = 0;
        int tn = 0;
        int fp = 0;
        for (int k = 0; k < labels.length; k++) {
            boolean called = scores[k] >= threshold;
            if (labels[k] == 1) {
                if (called) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (called) {
                fp++;
            } else {
                tn++;
            }
        }
        return new BinaryCounts(threshold, tp, fn, tn, fp);
    }

    public Proportion sensitivity() {
        return new Proportion(truePositives, truePositives + falseNegatives);
    }

    public Proportion specificity() {
        return new Proportion(trueNegatives, trueNegatives + falsePositives);
    }
}
