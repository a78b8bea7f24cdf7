package org.medfed.engine.checkpoint;

import java.util.Objects;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;

/**
 * How a run deals with checkpoints: where it leaves one after every round, and whether it starts afresh or goes on
 * from an earlier one.
 *
 * @param store      where a checkpoint goes after every round ({@link CheckpointStore#NONE} for nowhere)
 * @param resumeFrom the checkpoint to go on from, or null to start at round 1
 */
public record Checkpointing(CheckpointStore store, Checkpoint resumeFrom) {

    /** No checkpoints: the run starts at round 1 and leaves none. */
    public static final Checkpointing NONE = new Checkpointing(CheckpointStore.NONE, null);

    public Checkpointing {
        Objects.requireNonNull(store, "store");
    }

    /** Starts at round 1 and leaves a checkpoint in {@code store} after every round. */
    public static Checkpointing writingTo(CheckpointStore store) {
        return new Checkpointing(store, null);
    }

    /** Goes on after {@code from}'s round and leaves the next checkpoints in {@code store}. */
    public static Checkpointing resuming(Checkpoint from, CheckpointStore store) {
        return new Checkpointing(store, Objects.requireNonNull(from, "checkpoint"));
    }

    /** Runs {@code run} from {@code initial}, or from the checkpoint when there is one. */
    public RunHistory execute(FederatedRun run, ModelVector initial, RunControl control) {
        return resumeFrom == null ? run.execute(initial, control, store) : run.resume(resumeFrom, control, store);
    }
}
