package org.medfed.model;

import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.medfed.data.ExampleSet;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.engine.TrainingOutcome;

/**
 * The local training loop every trainer shares: the plan's number of steps, each on the next batch of a seeded
 * order (so a round depends only on the global model, the data and the seed), the run's cancel token checked
 * before each step, and the mean of the batches' losses reported. What a step is (our dense network, a DL4J
 * network or graph) is the trainer's {@link Session}.
 */
final class FitLoop {

    /** One local training from the global model: made afresh for every call, closed when it ends. */
    interface Session extends AutoCloseable {

        /** One optimiser step on the rows {@code batch}, the {@code step}-th of the call; returns its loss. */
        double step(int step, int[] batch);

        /** The parameters after the last step. */
        ModelVector trained();

        /** The order of the batches: by default shuffled passes seeded by the plan. */
        default BatchOrder batches(int size, LocalTraining plan) {
            return new BatchOrder(size, plan.batchSize(), plan.seed());
        }

        /** Undoes what the session set on objects that outlive it (a listener's adjustment). */
        @Override
        default void close() {
        }
    }

    private FitLoop() {
    }

    /** A session whose step is {@code fit} on the batch's rows, read by {@code trained}, ended by {@code release}. */
    static Session session(ToDoubleFunction<int[]> fit, Supplier<ModelVector> trained, Runnable release) {
        return new Session() {
            @Override
            public double step(int step, int[] batch) {
                return fit.applyAsDouble(batch);
            }

            @Override
            public ModelVector trained() {
                return trained.get();
            }

            @Override
            public void close() {
                release.run();
            }
        };
    }

    /**
     * Trains on {@code train} as {@code plan} says, with the session {@code start} makes once there are examples.
     *
     * @throws IllegalStateException when there is nothing to train on
     */
    static TrainingOutcome run(ExampleSet train, LocalTraining plan, RunControl control, Supplier<Session> start) {
        if (train.size() == 0) {
            throw new IllegalStateException("no training examples");
        }
        try (Session session = start.get()) {
            int steps = plan.stepsFor(train.size());
            BatchOrder order = session.batches(train.size(), plan);
            double lossSum = 0;
            for (int s = 0; s < steps; s++) {
                control.checkpoint();
                lossSum += session.step(s, order.next());
            }
            return new TrainingOutcome(session.trained(), steps, lossSum / steps);
        }
    }
}
