package org.medfed.privacy.dp;

/**
 * An (epsilon, delta) guarantee and the Renyi order that gave it.
 *
 * @param epsilon the privacy loss bound (smaller is more private); +Infinity when there is no guarantee
 * @param delta   the probability with which the bound may fail
 * @param order   the Renyi order at which the conversion was tightest (NaN when none was finite)
 */
public record PrivacySpent(double epsilon, double delta, double order) {
}
