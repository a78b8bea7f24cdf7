package org.medfed.study;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.medfed.engine.BadInputException;
import org.medfed.engine.checkpoint.Checkpoint;
import org.medfed.engine.checkpoint.Checkpointing;
import org.medfed.io.AtomicFiles;
import org.medfed.io.FileProblem;
import org.medfed.io.OutputFolder;
import org.medfed.io.PropertiesText;
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
 *
 * <p>The folder is written as an {@link OutputFolder}: locked while a run writes it, its earlier outputs removed
 * before the new run starts, and the completion marker written after {@code run.properties}. Every reader asks
 * {@link #requireFinished(Path)} first; a folder killed at any moment, or holding parts of two runs, is refused.
 */
public final class RunFolder implements AutoCloseable {

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

    /** Everything a run writes into its folder. */
    static final List<String> OUTPUTS = List.of(STUDY, INFO, CheckpointFile.NAME, CheckpointFile.ROUNDS_NAME,
            RunOutputs.METRICS, RunOutputs.RESULTS, RunCurves.FILE, RunOutputs.SUMMARY, RunOutputs.MODEL,
            RunOutputs.PERSONAL);

    private final Path dir;
    private final OutputFolder claim;

    private RunFolder(Path dir, OutputFolder claim) {
        this.dir = dir;
        this.claim = claim;
    }

    /**
     * The folder beside a study where its runs are kept ({@code heart.json} keeps them in {@code heart.runs/}): the
     * workbench's run history, association studies, and the hospitals' genotype cache.
     */
    public static Path historyOf(Path studyFile) {
        String name = String.valueOf(studyFile.getFileName());
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5)
                : name;
        return studyFile.toAbsolutePath().getParent().resolve(stem + ".runs");
    }

    /** A run folder to read ({@link #interrupted()}, {@link #checkpoint()}), not to write. */
    public static RunFolder at(Path dir) {
        return new RunFolder(dir, null);
    }

    /**
     * Takes {@code dir} for a new run: refuses a folder another run is writing, and one that holds anything
     * unless {@code replace} (the user's {@code --force}), in which case the earlier run's files are removed first.
     */
    public static RunFolder create(Path dir, boolean replace) {
        return new RunFolder(dir, OutputFolder.claim(dir, "run", replace ? OutputFolder.Mode.REPLACE
                : OutputFolder.Mode.NEW, OUTPUTS));
    }

    /** Takes the interrupted run of {@code dir} for going on; refuses a folder another run is writing. */
    public static RunFolder reopen(Path dir) {
        return new RunFolder(dir, OutputFolder.claim(dir, "run", OutputFolder.Mode.RESUME, OUTPUTS));
    }

    /**
     * Refuses, in words naming the folder, one that does not hold the whole of a finished run (interrupted, still
     * running, written by an older MedFed, or changed since). The one check every reader of a run folder makes.
     */
    public static void requireFinished(Path dir) {
        OutputFolder.requireFinished(dir);
    }

    /** Whether a run is writing {@code dir} right now (here or in another process). */
    public static boolean isBeingWritten(Path dir) {
        return OutputFolder.isBeingWritten(dir);
    }

    /** Whether {@code dir} holds the whole of a finished run. */
    public static boolean isFinished(Path dir) {
        return OutputFolder.isFinished(dir);
    }

    /** Releases the folder for other writers. */
    @Override
    public void close() {
        if (claim != null) {
            claim.close();
        }
    }

    private OutputFolder claim() {
        if (claim == null) {
            throw new IllegalStateException("a run folder opened with at() is for reading; create() it to write");
        }
        return claim;
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
        claim();
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

    /**
     * Writes the run's outputs ({@link RunOutputs}), then how it ended into {@code run.properties}, then the
     * completion marker: a folder is finished only once it is whole. Returns the statistics of results.csv, for a
     * summary of the same figures elsewhere.
     */
    public ResultStatistics finish(StudyResult result) {
        claim();
        Properties p = readInfo();
        // a resumed run started when it was first started, as run.properties keeps it; summary.json says the same
        StudyResult run = originalStart(p).map(result::startedAt).orElse(result);
        ResultStatistics stats = RunOutputs.write(run, dir);
        p.setProperty(STATUS, result.history().status().name().toLowerCase(Locale.ROOT));
        p.setProperty(ROUNDS_COMPLETED, String.valueOf(result.history().rounds().size()));
        p.setProperty("seconds", String.valueOf(result.history().duration().toMillis() / 1000.0));
        // the run history lists each run's protection and the privacy it spent without opening its model card
        p.setProperty("privacy", ProtectionSummary.describe(result.protections()));
        double epsilon = ProtectionSummary.epsilon(result);
        if (!Double.isNaN(epsilon)) {
            p.setProperty("epsilon", String.valueOf(epsilon));
        }
        RunFigures.of(result).writeTo(p);
        writeInfo(p);
        claim().finish();
        return stats;
    }

    private static java.util.Optional<Instant> originalStart(Properties p) {
        try {
            return java.util.Optional.ofNullable(p.getProperty(STARTED)).map(Instant::parse);
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
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
            String rounds = p.getProperty(ROUNDS_COMPLETED, "?") + " of " + p.getProperty(ROUNDS_PLANNED, "?")
                    + " rounds";
            // a run that failed or was stopped ended on its own terms, with its outputs: it is not "finished"
            throw new BadInputException(dir, null, status.equals("finished")
                    ? "the run already finished (status finished, " + rounds + "); there is nothing to resume"
                    : "the run ended with status " + status + " after " + rounds + ", and wrote its outputs; only a "
                    + "run that was interrupted (killed, or Ctrl-C) is resumed: start it again, with --rounds to stop "
                    + "earlier");
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
        CheckpointFile store = checkpoint();
        Checkpoint checkpoint = store.load();
        return new Interrupted(study, Path.of(studyFile), seed, Boolean.parseBoolean(p.getProperty(BASELINES)),
                checkpoint, store);
    }

    /**
     * The study the run in {@code dir} ran and the study file its data paths resolve against, or empty when
     * {@code dir} holds no run's record of them (a model folder exported elsewhere has no run folder around it).
     */
    public static java.util.Optional<RanStudy> studyOf(Path dir) {
        if (!Files.isRegularFile(dir.resolve(INFO)) || !Files.isRegularFile(dir.resolve(STUDY))) {
            return java.util.Optional.empty();
        }
        RunFolder folder = at(dir);
        String studyFile = folder.required(folder.readInfo(), STUDY_FILE);
        return java.util.Optional.of(new RanStudy(StudyFile.load(dir.resolve(STUDY)), Path.of(studyFile)));
    }

    /** A study as a run ran it, and the study file its data paths are relative to. */
    public record RanStudy(Study study, Path studyFile) {
    }

    /**
     * What an interrupted run needs to go on.
     *
     * @param study      the study as it was run
     * @param studyFile  the original study file, against which the data paths resolve
     * @param seed       the run seed
     * @param baselines  whether the comparison models were asked for
     * @param checkpoint the last checkpoint
     * @param store      the checkpoint file that read it
     */
    public record Interrupted(Study study, Path studyFile, long seed, boolean baselines, Checkpoint checkpoint,
                              CheckpointFile store) {

        /**
         * The run going on from the checkpoint and saving through the object that read it, which holds its round
         * records already: the resumed run appends its new rounds without reading them all again.
         */
        public Checkpointing resuming() {
            return Checkpointing.resuming(checkpoint, store);
        }
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
        } catch (IOException e) {
            throw FileProblem.of(file, "could not be read", e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, null, "could not be read: " + e.getMessage(), e);
        }
        return p;
    }

    private void writeInfo(Properties p) {
        Path file = dir.resolve(INFO);
        try {
            AtomicFiles.write(file, PropertiesText.of(p, "MedFed run"));
        } catch (IOException e) {
            throw FileProblem.of(file, "could not be written", e);
        }
    }
}
