package org.medfed.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.medfed.engine.BadInputException;
import org.medfed.engine.checkpoint.Checkpoint;
import org.medfed.engine.checkpoint.CheckpointStore;
import org.medfed.io.AtomicFiles;

/**
 * A run's checkpoint as one JSON file ({@code checkpoint.json} in the run folder), replaced after every round by
 * writing a temporary file beside it and moving it into place: the previous checkpoint stays whole until the new
 * one is, and a temporary file left by a killed process is never read.
 */
public final class CheckpointFile implements CheckpointStore {

    /** The checkpoint's name in a run folder. */
    public static final String NAME = "checkpoint.json";

    private final Path file;
    private final CheckpointText text = new CheckpointText();

    public CheckpointFile(Path file) {
        this.file = file;
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
        try {
            AtomicFiles.write(file, text.render(checkpoint));
        } catch (IOException e) {
            throw new BadInputException(file, null, "the checkpoint could not be written: " + e.getMessage(), e);
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
            return CheckpointJson.read(tree);
        } catch (CheckpointFormatException e) {
            throw new BadInputException(file, null, "the checkpoint " + file.toAbsolutePath() + " cannot be used: "
                    + e.getMessage(), e);
        }
    }

    /** Removes the checkpoint, so that a new run in the same folder never resumes from an older one. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new BadInputException(file, null, "an old checkpoint could not be removed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "CheckpointFile[" + file + "]";
    }
}
