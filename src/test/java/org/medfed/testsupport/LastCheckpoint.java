package org.medfed.testsupport;

import org.medfed.engine.checkpoint.Checkpoint;
import org.medfed.engine.checkpoint.CheckpointStore;

/** Keeps the last checkpoint in memory. */
public final class LastCheckpoint implements CheckpointStore {

    private Checkpoint last;

    @Override
    public synchronized void save(Checkpoint checkpoint) {
        last = checkpoint;
    }

    public synchronized Checkpoint get() {
        if (last == null) {
            throw new IllegalStateException("no checkpoint was saved");
        }
        return last;
    }
}
