package org.medfed.testsupport;

/**
 * Stands for the process being killed: an Error, so that no catch of the round loop (which turns exceptions into a
 * failed run) stops it, and nothing after the crash point runs.
 */
public final class SimulatedCrash extends Error {

    private static final long serialVersionUID = 1L;

    public SimulatedCrash(int round) {
        super("simulated crash after the checkpoint of round " + round);
    }
}
