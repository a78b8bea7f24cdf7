package org.medfed.engine;

/** A participant that did not answer in a round, and why, in words a user can act on. */
public record ParticipantFailure(int round, String participant, Phase phase, String reason, boolean timedOut) {

    /**
     * The reason without the participant's name in front ("rural-clinic: its node is not connected" gives "its node
     * is not connected"), for a line that names the participant already.
     */
    public String reasonAfterName() {
        String prefix = participant + ": ";
        return reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason;
    }

    /** Which request failed. */
    public enum Phase {
        FIT,
        EVALUATE
    }
}
