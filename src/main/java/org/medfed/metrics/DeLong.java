package org.medfed.metrics;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The area under the ROC curve with DeLong's variance (DeLong, DeLong and Clarke-Pearson 1988): the AUC is the mean
 * of ψ(X, Y) over every (positive X, negative Y) pair, ψ = 1 when X scores higher, ½ on a tie; its variance is
 * S10/m + S01/n from the per-patient placement values. The 95% interval is AUC ± z·SE, kept inside [0, 1].
 * Hand-written: no Maven Central library we use computes it.
 */
public final class DeLong {

    private static final double Z = new NormalDistribution().inverseCumulativeProbability(0.5 + Estimate.LEVEL / 2);

    private DeLong() {
    }

    /** AUC and its variance; NaN for both when only one class is present. */
    public record Result(double auc, double variance, int positives, int negatives) {

        public Estimate estimate() {
            if (Double.isNaN(auc)) {
                return Estimate.NONE;
            }
            if (Double.isNaN(variance)) {
                return Estimate.pointOnly(auc);
            }
            double se = Math.sqrt(variance);
            return new Estimate(auc, Math.max(0, auc - Z * se), Math.min(1, auc + Z * se));
        }
    }

    /** @param labels 1 for a positive patient, 0 for a negative one */
    public static Result of(int[] labels, double[] scores) {
        int m = 0;
        int n = 0;
        for (int y : labels) {
            if (y == 1) {
                m++;
            } else {
                n++;
            }
        }
        if (m == 0 || n == 0) {
            return new Result(Double.NaN, Double.NaN, m, n);
        }
        double[] pos = new double[m];
        double[] neg = new double[n];
        int i = 0;
        int j = 0;
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] == 1) {
                pos[i++] = scores[k];
            } else {
                neg[j++] = scores[k];
            }
        }
        // placement values from sorted scores, O((m + n) log(m + n)): a thousand hospitals' pooled test patients
        // made the all-pairs loop take minutes. Counts of wins and ties are whole numbers, so each value is the
        // same double the pairwise sum gave.
        double[] sortedNeg = neg.clone();
        double[] sortedPos = pos.clone();
        java.util.Arrays.sort(sortedNeg);
        java.util.Arrays.sort(sortedPos);
        double[] v10 = new double[m];
        double[] v01 = new double[n];
        for (i = 0; i < m; i++) {
            int below = lowerBound(sortedNeg, pos[i]);
            int ties = upperBound(sortedNeg, pos[i]) - below;
            v10[i] = (below + 0.5 * ties) / n;
        }
        for (j = 0; j < n; j++) {
            int atOrBelow = upperBound(sortedPos, neg[j]);
            int ties = atOrBelow - lowerBound(sortedPos, neg[j]);
            v01[j] = (m - atOrBelow + 0.5 * ties) / m;
        }
        double auc = mean(v10);
        // a variance needs two patients of each class
        double variance = m < 2 || n < 2 ? Double.NaN : sampleVariance(v10) / m + sampleVariance(v01) / n;
        return new Result(auc, variance, m, n);
    }

    /** How many of the sorted values are below {@code x}. */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** How many of the sorted values are at most {@code x}. */
    private static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sampleVariance(double[] v) {
        double mu = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - mu) * (x - mu);
        }
        return s / (v.length - 1);
    }
}
