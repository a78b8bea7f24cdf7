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
            float[] p = probabilities[i];
            checkLength(p, classCount);
            int predicted = argMax(p, classCount);
            int y = labels[i];
            if (y < 0 || y >= classCount) {
                throw new IllegalArgumentException("label " + y + " outside [0, " + classCount + ")");
            }
            perClass[y]++;
            if (predicted == y) {
                correct++;
                perClassCorrect[y]++;
            }
            loss -= Math.log(Math.min(1 - EPS, Math.max(EPS, probability(p, y, classCount))));
            if (positiveScore != null) {
                positiveScore[i] = probability(p, 1, classCount);
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
        checkLength(probabilities, classCount);
        return argMax(probabilities, classCount);
    }

    private static void checkLength(float[] p, int classCount) {
        if (p.length != classCount && !(p.length == 1 && classCount == 2)) {
            throw new IllegalArgumentException(p.length + " probabilities for " + classCount + " classes");
        }
    }

    /**
     * Probability of class {@code c}: a binary model's one value is class 1's, class 0 has the rest. Read in place,
     * without an array per example: metrics are taken on every hospital's test rows after every round.
     */
    private static double probability(float[] p, int c, int classCount) {
        if (p.length == 1 && classCount == 2) {
            return c == 1 ? p[0] : 1.0 - p[0];
        }
        return p[c];
    }

    private static int argMax(float[] p, int classCount) {
        // ties go to the higher class, so that a binary probability of exactly 0.5 predicts class 1
        int best = 0;
        for (int c = 1; c < classCount; c++) {
            if (probability(p, c, classCount) >= probability(p, best, classCount)) {
                best = c;
            }
        }
        return best;
    }
}
