package org.medfed.engine;

/**
 * When the loop merges hospitals' updates into the global model. Synchronously: a round sends the model to the
 * selected hospitals and waits for all of them. Asynchronously: every hospital trains all the time from the
 * newest model it was sent, and the strategy merges arrived updates whenever {@code buffer} of them are in (1 for
 * FedAsync, K for FedBuff), in the order of the run's clock.
 */
public record Schedule(boolean asynchronous, int buffer) {

    public static final Schedule SYNCHRONOUS = new Schedule(false, 0);

    public Schedule {
        if (asynchronous && buffer < 1) {
            throw new BadInputException("an asynchronous strategy merges at least 1 update at a time, not " + buffer);
        }
    }

    public static Schedule asynchronous(int buffer) {
        return new Schedule(true, buffer);
    }
}
