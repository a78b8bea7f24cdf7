package org.medfed.gui.results;

import java.util.List;
import org.medfed.metrics.ClassificationMetrics;

/** Counts of true class (rows) against predicted class (columns), with the classes' names. */
public record ConfusionMatrix(List<String> classes, int[][] counts) {

    public static ConfusionMatrix of(List<String> classes, int[] labels, float[][] probabilities) {
        int k = classes.size();
        int[][] counts = new int[k][k];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][ClassificationMetrics.predictedClass(probabilities[i], k)]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    /** Two classes, a patient called class 1 when its probability is at least {@code threshold}. */
    public static ConfusionMatrix atThreshold(List<String> classes, int[] labels, double[] scores, double threshold) {
        int[][] counts = new int[2][2];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][scores[i] >= threshold ? 1 : 0]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    public static ConfusionMatrix sum(List<String> classes, List<ConfusionMatrix> parts) {
        int k = classes.size();
        int[][] counts = new int[k][k];
        for (ConfusionMatrix m : parts) {
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    counts[r][c] += m.counts[r][c];
                }
            }
        }
        return new ConfusionMatrix(classes, counts);
    }

    public int total() {
        int n = 0;
        for (int[] row : counts) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    public int correct() {
        int n = 0;
        for (int i = 0; i < counts.length; i++) {
            n += counts[i][i];
        }
        return n;
    }
}
