package org.medfed.engine;

import java.util.Map;

/**
 * What a participant sends back after local work: its update, how many examples and steps it is based on,
 * its mean training loss, and strategy-specific extras (SCAFFOLD's control-variate change).
 */
public record FitResult(ModelVector update, UpdateKind kind, int examples, int steps, double trainLoss,
                        Map<String, ModelVector> extras) {

    public FitResult {
        extras = Map.copyOf(extras);
    }

    public static FitResult model(TrainingOutcome outcome, int examples) {
        return new FitResult(outcome.params(), UpdateKind.MODEL, examples, outcome.steps(), outcome.meanLoss(), Map.of());
    }

    public FitResult withExtras(Map<String, ModelVector> newExtras) {
        return new FitResult(update, kind, examples, steps, trainLoss, newExtras);
    }

    public FitResult withUpdate(ModelVector newUpdate) {
        return new FitResult(newUpdate, kind, examples, steps, trainLoss, extras);
    }
}
