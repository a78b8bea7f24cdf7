package org.medfed.study;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import org.medfed.engine.BadInputException;
import org.medfed.engine.checkpoint.Checkpoint;
import org.medfed.io.AtomicFiles;
import org.medfed.project.CheckpointFile;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/**
 * The folder of one run of {@code medfed run}, laid out as the workbench keeps its runs: the outputs
 * ({@link RunOutputs}), the study as it was run ({@code study.json}), {@code run.properties}, and while it runs a
 * checkpoint after every round ({@code checkpoint.json}), from which {@code medfed run --resume} goes on.
 *
 * <p>{@code run.properties} says {@code status=running} from the start, with what a resume needs that the study
 * copy does not hold (the original study file, against which its data paths resolve; the seed; whether baselines
 * were asked for), and gets the final status last, after every output is written: a folder whose status is still
 * {@code running} is one whose run was interrupted.
 */
public final class RunFolder {

    public static final String STUDY = "study.json";
    public static final String INFO = "run.properties";

    static final String RUNNING = "running";
    private static final String STATUS = "status";
    private static final String STUDY_FILE = "studyFile";
    private static final String SEED = "seed";
    private static final String BASELINES = "baselines";
    private static final String STARTED = "started";
    private static final String ROUNDS_PLANNED = "roundsPlanned";
    private static final String ROUNDS_COMPLETED = "roundsCompleted";

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    public static RunFolder at(Path dir) {
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Where the run leaves its checkpoints. */
    public CheckpointFile checkpoint() {
        return CheckpointFile.in(dir);
    }

    /**
     * Records a run about to start: removes the checkpoint of an earlier run in this folder (so that a resume can
     * never mix two runs), saves the study as it will be run, and marks the folder as running.
     *
     * @param studyFile the study file the data paths are relative to (for a study made of options, a file in the
     *                  folder they are relative to)
     */
    public void begin(Study study, Path studyFile, long seed, boolean baselines) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException(dir, null, "output folder could not be created: " + e.getMessage(), e);
        }
        checkpoint().delete();
        StudyFile.save(study, dir.resolve(STUDY));
        Properties p = new Properties();
        p.setProperty(STATUS, RUNNING);
        p.setProperty(STARTED, Instant.now().toString());
        p.setProperty(STUDY_FILE, studyFile.toAbsolutePath().normalize().toString());
        p.setProperty(SEED, String.valueOf(seed));
        p.setProperty(BASELINES, String.valueOf(baselines));
        p.setProperty(ROUNDS_PLANNED, String.valueOf(study.training().rounds()));
        writeInfo(p);
    }

    /** Records how the run ended; call after the outputs are written, so that a finished folder is a whole one. */
    public void finish(StudyResult result) {
        Properties p = readInfo();
        p.setProperty(STATUS, result.history().status().name().toLowerCase(Locale.ROOT));
        p.setProperty(ROUNDS_COMPLETED, String.valueOf(result.history().rounds().size()));
        p.setProperty("seconds", String.valueOf(result.history().duration().toMillis() / 1000.0));
        writeInfo(p);
    }

    /**
     * The interrupted run in this folder, ready to go on: refuses a folder that is not a run's, a run that finished,
     * and a missing or damaged checkpoint, each with a message naming the file.
     */
    public Interrupted interrupted() {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir, null, "is not a run folder (no such folder)");
        }
        Properties p = readInfo();
        String status = p.getProperty(STATUS, "");
        if (!status.equals(RUNNING)) {
            throw new BadInputException(dir, null, "the run already finished (status " + status + ", "
                    + p.getProperty(ROUNDS_COMPLETED, "?") + " of " + p.getProperty(ROUNDS_PLANNED, "?")
                    + " rounds); there is nothing to resume");
        }
        String studyFile = required(p, STUDY_FILE);
        long seed;
        try {
            seed = Long.parseLong(required(p, SEED));
        } catch (NumberFormatException e) {
            throw new BadInputException(dir.resolve(INFO), null, "seed is '" + p.getProperty(SEED)
                    + "', expected a whole number", e);
        }
        Study study = StudyFile.load(dir.resolve(STUDY));
        Checkpoint checkpoint = checkpoint().load();
        return new Interrupted(study, Path.of(studyFile), seed, Boolean.parseBoolean(p.getProperty(BASELINES)),
                checkpoint);
    }

    /**
     * What an interrupted run needs to go on.
     *
     * @param study      the study as it was run
     * @param studyFile  the original study file, against which the data paths resolve
     * @param seed       the run seed
     * @param baselines  whether the comparison models were asked for
     * @param checkpoint the last checkpoint
     */
    public record Interrupted(Study study, Path studyFile, long seed, boolean baselines, Checkpoint checkpoint) {
    }

    private String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new BadInputException(dir.resolve(INFO), null, "has no '" + key + "'; was it written by medfed run?");
        }
        return v;
    }

    private Properties readInfo() {
        Path file = dir.resolve(INFO);
        Properties p = new Properties();
        try {
            // the byte form of properties: ISO 8859-1 with backslash-u escapes, so that any path survives
            p.load(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, "not found: " + dir + " is not a folder written by medfed run", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(file, null, "could not be read: " + e.getMessage(), e);
        }
        return p;
    }

    private void writeInfo(Properties p) {
        Path file = dir.resolve(INFO);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            p.store(bytes, "MedFed run");
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new BadInputException(file, null, "could not be written: " + e.getMessage(), e);
        }
    }
}
