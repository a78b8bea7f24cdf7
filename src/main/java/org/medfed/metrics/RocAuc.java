package org.medfed.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** ROC AUC and the ROC curve of scores for a binary label. */
public final class RocAuc {

    private RocAuc() {
    }

    /** A point of the ROC curve. */
    public record Point(double falsePositiveRate, double truePositiveRate, double threshold) {
    }

    /**
     * The area under the ROC curve, as the Mann-Whitney statistic with ties counted half; NaN when only one
     * class is present.
     */
    public static double auc(int[] labels, double[] scores) {
        int n = labels.length;
        long positives = Arrays.stream(labels).filter(y -> y == 1).count();
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        // The positives' rank sum from two sorted copies of the scores, all and the positives', rather than by
        // sorting the examples' indices: that sort boxed every index and was a third of a test evaluation. The
        // ranks (1-based, ties sharing their mean, NaN last and never tied) and so the sum are the same, and
        // exact: half-integers far below 2^53.
        double[] all = scores.clone();
        Arrays.sort(all);
        double[] positive = new double[(int) positives];
        int np = 0;
        for (int k = 0; k < n; k++) {
            if (labels[k] == 1) {
                positive[np++] = scores[k];
            }
        }
        Arrays.sort(positive);
        int numbers = n;
        while (numbers > 0 && Double.isNaN(all[numbers - 1])) {
            numbers--;
        }
        double rankSum = 0;
        int p = 0;
        int i = 0;
        while (i < numbers) {
            int j = i;
            while (j + 1 < numbers && all[j + 1] == all[i]) {
                j++;
            }
            int tied = 0;
            while (p < positive.length && positive[p] == all[i]) {
                p++;
                tied++;
            }
            rankSum += tied * ((i + j) / 2.0 + 1);
            i = j + 1;
        }
        // NaN scores come last, each its own rank, in the examples' order
        int rank = numbers;
        for (int k = 0; k < n; k++) {
            if (Double.isNaN(scores[k])) {
                rank++;
                if (labels[k] == 1) {
                    rankSum += rank;
                }
            }
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** The ROC curve from (0,0) to (1,1), one point per distinct threshold, highest threshold first. */
    public static List<Point> curve(int[] labels, double[] scores) {
        int n = labels.length;
        Integer[] order = sortedByScore(scores);
        long positives = Arrays.stream(labels).filter(y -> y == 1).count();
        long negatives = n - positives;
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 0, Double.POSITIVE_INFINITY));
        if (positives == 0 || negatives == 0) {
            return points;
        }
        long tp = 0;
        long fp = 0;
        for (int k = n - 1; k >= 0; k--) {
            if (labels[order[k]] == 1) {
                tp++;
            } else {
                fp++;
            }
            if (k == 0 || scores[order[k - 1]] != scores[order[k]]) {
                points.add(new Point((double) fp / negatives, (double) tp / positives, scores[order[k]]));
            }
        }
        return points;
    }

    private static Integer[] sortedByScore(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble(k -> scores[k]));
        return order;
    }
}
