package org.medfed.engine;

/**
 * Thrown by a strategy or wrapper to end a run cleanly before its planned rounds (a privacy budget reached):
 * the run finishes with the model of the last completed round and this message.
 */
public class RunStoppedEarly extends RuntimeException {
    public RunStoppedEarly(String message) {
        super(message);
    }
}
