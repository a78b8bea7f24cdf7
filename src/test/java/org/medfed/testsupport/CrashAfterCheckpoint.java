package org.medfed.testsupport;

import org.medfed.engine.checkpoint.Checkpoint;
import org.medfed.engine.checkpoint.CheckpointStore;

/** Saves checkpoints into another store, and "kills" the run right after the one of round {@code crashAfter}. */
public record CrashAfterCheckpoint(CheckpointStore store, int crashAfter) implements CheckpointStore {

    @Override
    public void save(Checkpoint checkpoint) {
        store.save(checkpoint);
        if (checkpoint.round() == crashAfter) {
            throw new SimulatedCrash(crashAfter);
        }
    }
}
