package org.medfed.engine;

/**
 * A model bound to one participant's data: trains from given parameters and evaluates them. The model
 * package implements it with DL4J; the engine only sees flat vectors.
 *
 * <p>Not thread-safe: each participant has its own.
 */
public interface LocalTrainer {

    int trainSize();

    int testSize();

    int parameterCount();

    /** Trains from {@code start} as {@code plan} says, calling {@code control.checkpoint()} between steps. */
    TrainingOutcome train(ModelVector start, LocalTraining plan, GradientAdjustment adjustment, RunControl control);

    /**
     * The gradient of the mean loss at {@code at} over one mini-batch of {@code batchSize} examples drawn with
     * {@code seed}, or over all training examples when {@code batchSize} is 0 or at least the training size.
     */
    ModelVector gradient(ModelVector at, int batchSize, long seed);

    Evaluation evaluate(ModelVector params, DataSplit split);

    /**
     * A trainer for the same model whose test rows are fold {@code index} of {@code folds} seeded folds of this one's
     * training rows (stratified by class) and whose training rows are the other folds: for choosing between models at
     * the hospital on rows the candidate being scored was not trained on. This trainer's test rows are never among
     * them.
     */
    default LocalTrainer fold(int folds, int index, long seed) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot split its training rows into folds");
    }
}
