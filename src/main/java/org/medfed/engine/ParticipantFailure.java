package org.medfed.engine;

/** A participant that did not answer in a round, and why, in words a user can act on. */
public record ParticipantFailure(int round, String participant, Phase phase, String reason, boolean timedOut) {

    /** Which request failed. */
    public enum Phase {
        FIT,
        EVALUATE
    }
}
