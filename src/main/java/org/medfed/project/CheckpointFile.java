package org.medfed.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.checkpoint.Checkpoint;
import org.medfed.engine.checkpoint.CheckpointStore;
import org.medfed.io.AtomicFiles;

/**
 * A run's checkpoint as a JSON file ({@code checkpoint.json} in the run folder) and its round records, one line per
 * round, in {@code checkpoint-rounds.jsonl} beside it ({@link RoundsJournal}). After every round the new round's
 * record is appended to the records and forced to the disk, then the checkpoint is replaced by writing a temporary
 * file beside it and moving it into place: the previous checkpoint stays whole until the new one is, a temporary
 * file left by a killed process is never read, and the records a checkpoint names are on the disk before it is.
 */
public final class CheckpointFile implements CheckpointStore {

    /** The checkpoint's name in a run folder. */
    public static final String NAME = "checkpoint.json";
    /** Its round records' name in a run folder. */
    public static final String ROUNDS_NAME = "checkpoint-rounds.jsonl";

    private final Path file;
    private final RoundsJournal journal;

    public CheckpointFile(Path file) {
        this.file = file;
        this.journal = new RoundsJournal(file.resolveSibling(ROUNDS_NAME));
    }

    /** The checkpoint of the run folder {@code dir}. */
    public static CheckpointFile in(Path dir) {
        return new CheckpointFile(dir.resolve(NAME));
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    @Override
    public void save(Checkpoint checkpoint) {
        List<RoundRecord> rounds = checkpoint.rounds();
        try {
            boolean continuing = journal.continues(rounds);
            if (!continuing) {
                // a resumed run saves through a new object: reading the checkpoint it resumed takes on its records
                readSavedIfAny();
                continuing = journal.continues(rounds);
            }
            if (!continuing) {
                // another run's checkpoint goes before its records do, so that none names records it lacks
                Files.deleteIfExists(file);
                journal.restart();
            }
            RoundsJournal.Extent extent = journal.appendAfterHeld(rounds);
            AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(CheckpointJson.write(checkpoint, extent)));
        } catch (IOException e) {
            throw new BadInputException(file, null, "the checkpoint could not be written: " + e.getMessage(), e);
        }
    }

    /** Reads the checkpoint in the folder, if there is one that can be read, so that the journal holds its records. */
    private void readSavedIfAny() {
        if (exists()) {
            try {
                load();
            } catch (BadInputException e) {
                // nothing of it is kept: the save starts the records afresh
            }
        }
    }

    /** The checkpoint; a missing or damaged file gives a message naming it. */
    public Checkpoint load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, "no checkpoint (looked for " + file.toAbsolutePath()
                    + "): the run stopped before its first round ended, or this is not a run folder", e);
        } catch (IOException e) {
            throw new BadInputException(file, null, "the checkpoint could not be read: " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new BadInputException(file, null, "the checkpoint " + file.toAbsolutePath() + " is empty (the file "
                    + "is damaged); the run cannot be resumed from it");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new BadInputException(file, null, "the checkpoint " + file.toAbsolutePath() + " is damaged ("
                    + Json.explain(file, e).problem() + "); the run cannot be resumed from it", e);
        }
        try {
            return CheckpointJson.read(tree, journal::read);
        } catch (CheckpointFormatException e) {
            throw new BadInputException(file, null, "the checkpoint " + file.toAbsolutePath() + " cannot be used: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(journal.file(), null, "the checkpoint's round records could not be read: "
                    + e.getMessage(), e);
        }
    }

    /** Removes the checkpoint and its records, so that a new run in the same folder never resumes from an older one. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
            journal.delete();
        } catch (IOException e) {
            throw new BadInputException(file, null, "an old checkpoint could not be removed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "CheckpointFile[" + file + "]";
    }
}
