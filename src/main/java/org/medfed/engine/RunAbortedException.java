package org.medfed.engine;

/** Ends a run with a message for the user (too few participants answered, the model diverged). */
class RunAbortedException extends RuntimeException {
    RunAbortedException(String message) {
        super(message);
    }
}
