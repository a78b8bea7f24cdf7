package org.medfed.engine.checkpoint;

/**
 * Where the round loop leaves a {@link Checkpoint} after every round. An implementation must replace the previous
 * checkpoint only once the new one is complete (a temporary file and one move), so that a run killed at any
 * moment leaves one whole checkpoint behind. A store that cannot save throws; the run then fails with its message
 * rather than going on without the resumability it was asked for.
 */
@FunctionalInterface
public interface CheckpointStore {

    /** Keeps nothing: runs that need not survive a crash (the workbench, benchmarks, tests). */
    CheckpointStore NONE = checkpoint -> { };

    void save(Checkpoint checkpoint);
}
