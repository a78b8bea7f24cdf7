package org.medfed.engine;

/** Thrown at a checkpoint once the user has asked the run to stop. */
public class RunCancelledException extends RuntimeException {
    public RunCancelledException() {
        super("the run was stopped");
    }
}
