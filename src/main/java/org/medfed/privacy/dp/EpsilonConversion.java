package org.medfed.privacy.dp;

/**
 * How Renyi DP at several orders becomes an (epsilon, delta) guarantee; the best order is taken.
 */
public enum EpsilonConversion {

    /**
     * Mironov 2017, Proposition 3: {@code epsilon = rdp + log(1/delta) / (alpha - 1)}. What TensorFlow
     * Privacy used until 2020 and what its MNIST tutorial figures were printed with; looser.
     */
    CLASSIC,

    /**
     * Balle et al. 2020 ("Hypothesis testing interpretations and Renyi differential privacy", Theorem 21),
     * also Canonne, Kamath and Steinke 2020:
     * {@code epsilon = rdp + log((alpha - 1)/alpha) - (log(delta) + log(alpha)) / (alpha - 1)}.
     * What Opacus and current TensorFlow Privacy report. The default here.
     */
    BALLE_2020;

    /** Epsilon at one order, or +Infinity when this order gives no finite guarantee. */
    double epsilon(double order, double rdp, double delta) {
        if (Double.isInfinite(rdp) || Double.isInfinite(order)) {
            return Double.POSITIVE_INFINITY;
        }
        return switch (this) {
            case CLASSIC -> rdp - Math.log(delta) / (order - 1);
            case BALLE_2020 -> {
                if (delta * delta + Math.expm1(-rdp) > 0) {
                    // the KL bound delta <= sqrt(1 - exp(-rdp)) already gives epsilon 0
                    yield 0;
                }
                if (order <= 1.01) {
                    // numerically unstable as alpha -> 1, and never the best order there
                    yield Double.POSITIVE_INFINITY;
                }
                yield rdp + Math.log1p(-1 / order) - Math.log(delta * order) / (order - 1);
            }
        };
    }
}
