package org.medfed.privacy.dp;

import org.medfed.engine.RunStoppedEarly;

/**
 * The next round would spend more privacy than the study allows. The run finishes with the model of the last
 * round, whose epsilon is within the target, and this message.
 */
public class PrivacyBudgetExhaustedException extends RunStoppedEarly {

    private final int completedRounds;
    private final double epsilonSoFar;

    public PrivacyBudgetExhaustedException(int completedRounds, double epsilonSoFar, double epsilonNext,
                                           double target, double delta) {
        super(String.format(java.util.Locale.ROOT,
                "privacy budget reached: another round would raise epsilon from %.3f to %.3f, above the study's "
                        + "target %.3f (delta %.1e). The model after round %d is the final one; to train longer, "
                        + "raise the target epsilon or the noise multiplier.",
                epsilonSoFar, epsilonNext, target, delta, completedRounds));
        this.completedRounds = completedRounds;
        this.epsilonSoFar = epsilonSoFar;
    }

    public int completedRounds() {
        return completedRounds;
    }

    public double epsilonSoFar() {
        return epsilonSoFar;
    }
}
