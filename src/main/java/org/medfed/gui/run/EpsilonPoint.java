package org.medfed.gui.run;

/**
 * Privacy spent after a round, as the accountant of differential privacy reported it.
 *
 * @param epsilon       epsilon spent so far, at the study's delta
 * @param targetEpsilon the study's budget, or NaN when it has none
 */
public record EpsilonPoint(int round, double epsilon, double delta, double targetEpsilon) {
}
