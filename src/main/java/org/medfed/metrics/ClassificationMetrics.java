package org.medfed.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metrics of predicted class probabilities against true labels: accuracy, cross-entropy loss, balanced
 * accuracy, and ROC AUC for two classes. Binary predictions may be given as one probability per example
 * (of class 1); multi-class ones as one probability per class.
 */
public final class ClassificationMetrics {

    /** Probabilities are clipped to [EPS, 1 - EPS] in the loss so that one confident mistake stays finite. */
    static final double EPS = 1e-7;

    private ClassificationMetrics() {
    }

    /**
     * @param labels        true class of each example, in [0, classCount)
     * @param probabilities per example either one value (probability of class 1, binary only) or classCount values
     * @param classCount    number of classes (2 for binary)
     */
    public static Map<String, Double> compute(int[] labels, float[][] probabilities, int classCount) {
        if (labels.length != probabilities.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + probabilities.length + " predictions");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (labels.length == 0) {
            return out;
        }
        int n = labels.length;
        int correct = 0;
        double loss = 0;
        int[] perClass = new int[classCount];
        int[] perClassCorrect = new int[classCount];
        double[] positiveScore = classCount == 2 ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            double[] p = classProbabilities(probabilities[i], classCount);
            int predicted = argMax(p);
            int y = labels[i];
            if (y < 0 || y >= classCount) {
                throw new IllegalArgumentException("label " + y + " outside [0, " + classCount + ")");
            }
            perClass[y]++;
            if (predicted == y) {
                correct++;
                perClassCorrect[y]++;
            }
            loss -= Math.log(Math.min(1 - EPS, Math.max(EPS, p[y])));
            if (positiveScore != null) {
                positiveScore[i] = p[1];
            }
        }
        out.put("accuracy", (double) correct / n);
        out.put("loss", loss / n);
        double recallSum = 0;
        int present = 0;
        for (int c = 0; c < classCount; c++) {
            if (perClass[c] > 0) {
                recallSum += (double) perClassCorrect[c] / perClass[c];
                present++;
            }
        }
        out.put("balanced_accuracy", recallSum / present);
        if (positiveScore != null) {
            double auc = RocAuc.auc(labels, positiveScore);
            if (!Double.isNaN(auc)) {
                out.put("auc", auc);
            }
        }
        return out;
    }

    /** The predicted class: probability of class 1 at least 0.5 for binary, the largest otherwise. */
    public static int predictedClass(float[] probabilities, int classCount) {
        return argMax(classProbabilities(probabilities, classCount));
    }

    private static double[] classProbabilities(float[] p, int classCount) {
        if (p.length == 1 && classCount == 2) {
            return new double[] {1.0 - p[0], p[0]};
        }
        if (p.length != classCount) {
            throw new IllegalArgumentException(p.length + " probabilities for " + classCount + " classes");
        }
        double[] out = new double[classCount];
        for (int c = 0; c < classCount; c++) {
            out[c] = p[c];
        }
        return out;
    }

    private static int argMax(double[] p) {
        // ties go to the higher class, so that a binary probability of exactly 0.5 predicts class 1
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] >= p[best]) {
                best = c;
            }
        }
        return best;
    }
}
