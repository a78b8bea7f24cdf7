package org.medfed.metrics;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * McNemar's exact test of two classifiers on the same patients: only the discordant patients count, {@code b} that
 * only the first got right and {@code c} that only the second did; under "no difference" b is Binomial(b + c, ½).
 * The exact form is used because a single hospital's test set gives few discordant patients, where the χ²
 * approximation is poor.
 */
public final class McNemar {

    /** Below this p-value a difference is called detectable. */
    public static final double ALPHA = 0.05;

    private McNemar() {
    }

    /** How the first model compares with the second, in words a clinician reads. */
    public enum Verdict {
        BETTER("better"), NO_DETECTABLE_DIFFERENCE("no detectable difference"), WORSE("worse");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The two-sided exact p-value: twice the smaller tail, at most 1. */
    public static double pValue(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts " + b + ", " + c);
        }
        int total = b + c;
        if (total == 0) {
            return 1;
        }
        double tail = new BinomialDistribution(null, total, 0.5).cumulativeProbability(Math.min(b, c));
        return Math.min(1, 2 * tail);
    }

    /** {@code b}: patients only the first model classified correctly; {@code c}: only the second. */
    public static Verdict verdict(int b, int c) {
        if (pValue(b, c) >= ALPHA) {
            return Verdict.NO_DETECTABLE_DIFFERENCE;
        }
        return b > c ? Verdict.BETTER : Verdict.WORSE;
    }
}
