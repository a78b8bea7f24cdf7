package org.medfed.engine.checkpoint;

import org.medfed.engine.BadInputException;

/**
 * A checkpoint that does not belong to the run asked to resume from it: another strategy, other participants,
 * another seed, or a saved state the strategy cannot take. The caller knows the file and can name it.
 */
public final class CheckpointMismatchException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public CheckpointMismatchException(String problem, Throwable cause) {
        super(problem, cause);
    }
}
