package org.medfed.engine;

import java.util.function.Function;
import org.medfed.engine.protocol.Params;

/**
 * How much and how a participant trains in one round.
 *
 * @param steps        local mini-batch updates per round; when 0, {@code epochs} passes over the data instead
 * @param epochs       local passes over the training data, used when {@code steps} is 0
 * @param batchSize    examples per mini-batch (the last batch of a pass may be smaller)
 * @param optimizer    local optimiser
 * @param learningRate local learning rate
 * @param seed         seed of the batch order; the engine derives one per participant and round
 * @param sampleLevelPrivacy DP-SGD inside local training, or null
 */
public record LocalTraining(int steps, int epochs, int batchSize, LocalOptimizer optimizer, double learningRate,
                            long seed, SampleLevelPrivacy sampleLevelPrivacy) {

    public LocalTraining(int steps, int epochs, int batchSize, LocalOptimizer optimizer, double learningRate, long seed) {
        this(steps, epochs, batchSize, optimizer, learningRate, seed, null);
    }

    public LocalTraining {
        Limit.LOCAL_STEPS.check(steps);
        Limit.LOCAL_EPOCHS.check(epochs);
        if (steps == 0 && epochs == 0) {
            throw new BadInputException("local training needs a positive number of steps or epochs");
        }
        Limit.BATCH_SIZE.check(batchSize);
        Limit.LEARNING_RATE.check(learningRate);
    }

    public LocalTraining withSeed(long newSeed) {
        return new LocalTraining(steps, epochs, batchSize, optimizer, learningRate, newSeed, sampleLevelPrivacy);
    }

    public LocalTraining withSampleLevelPrivacy(SampleLevelPrivacy privacy) {
        return new LocalTraining(steps, epochs, batchSize, optimizer, learningRate, seed, privacy);
    }

    /** Number of optimiser steps for a participant with {@code trainSize} examples. */
    public int stepsFor(int trainSize) {
        if (steps > 0) {
            return steps;
        }
        int perEpoch = (trainSize + batchSize - 1) / batchSize;
        return perEpoch * epochs;
    }

    /** The plan as request fields under {@code training.}, DP-SGD's settings under {@code dpsgd.}. */
    public Params toParams() {
        Params.Builder b = Params.builder()
                .number("training.steps", steps)
                .number("training.epochs", epochs)
                .number("training.batch_size", batchSize)
                .text("training.optimizer", optimizer.name())
                .number("training.learning_rate", learningRate)
                .longNumber("training.seed", seed);
        if (sampleLevelPrivacy != null) {
            b.all("dpsgd.", sampleLevelPrivacy.describe());
        }
        return b.build();
    }

    /**
     * The plan a request carries; {@code dpSgd} rebuilds DP-SGD at the hospital from its settings (the hospital
     * runs its own implementation; only numbers travel).
     */
    public static LocalTraining fromParams(Params p, Function<Params, SampleLevelPrivacy> dpSgd) {
        Params dp = p.under("dpsgd.");
        return new LocalTraining(p.integer("training.steps"), p.integer("training.epochs"),
                p.integer("training.batch_size"), LocalOptimizer.parse(p.text("training.optimizer")),
                p.number("training.learning_rate"), p.longNumber("training.seed"),
                dp.isEmpty() ? null : dpSgd.apply(dp));
    }
}
