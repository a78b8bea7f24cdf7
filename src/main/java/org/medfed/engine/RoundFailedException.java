package org.medfed.engine;

/**
 * A round that cannot complete for a reason the user should read (too few participants answered, the model
 * diverged, secure aggregation could not remove the masks). The run ends as failed with this message; nothing
 * partial is released.
 */
public class RoundFailedException extends RuntimeException {
    public RoundFailedException(String message) {
        super(message);
    }
}
