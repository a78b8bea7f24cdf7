package org.medfed.engine.checkpoint;

import org.medfed.engine.protocol.Params;

/**
 * A participant whose hospital side runs in this process (a simulated hospital), so that what it keeps between
 * rounds (SCAFFOLD's control variate c_i) is saved in the coordinator's checkpoint and restored on resume. A
 * hospital across the network keeps its own state and does not implement this.
 */
public interface RestorableParticipant {

    /** What the hospital keeps between rounds; empty when nothing. */
    Params saveState();

    /** Replaces what the hospital keeps by {@code state}, as {@link #saveState()} gave it. */
    void restoreState(Params state);
}
