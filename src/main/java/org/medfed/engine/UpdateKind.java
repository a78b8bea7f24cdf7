package org.medfed.engine;

/** What a participant's returned vector is. */
public enum UpdateKind {
    /** The locally trained parameters. */
    MODEL,
    /** A gradient of the local loss at the global parameters (FedSGD). */
    GRADIENT
}
