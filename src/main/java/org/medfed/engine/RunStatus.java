package org.medfed.engine;

/** How a run ended. */
public enum RunStatus {
    FINISHED,
    CANCELLED,
    FAILED
}
