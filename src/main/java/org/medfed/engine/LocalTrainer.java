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
     * A trainer for the same model whose test rows are a seeded share of this one's training rows (stratified by
     * class where each class has enough rows) and whose training rows are the rest: for choosing between models at
     * the hospital on rows none of the candidates was trained on. The test rows are never among them.
     *
     * @param share the held-out share of the training rows, in (0, 1); at least one row on each side
     */
    default LocalTrainer holdOut(double share, long seed) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot hold out training rows");
    }
}
