package org.medfed.engine;

/** What a local training pass produced: the new parameters, steps taken and the mean mini-batch loss. */
public record TrainingOutcome(ModelVector params, int steps, double meanLoss) {
}
