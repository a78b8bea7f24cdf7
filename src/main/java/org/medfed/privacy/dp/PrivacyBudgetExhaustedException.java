package org.medfed.privacy.dp;

import org.medfed.engine.BadInputException;

/**
 * The next round would spend more privacy than the study allows. The run stops with the model of the last
 * round, whose epsilon is within the target.
 *
 * <p>A {@link BadInputException} so that the round loop ends the run with this message rather than as an
 * internal error; the settings (target epsilon, rounds, noise) are what the user can change.
 */
public class PrivacyBudgetExhaustedException extends BadInputException {

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
