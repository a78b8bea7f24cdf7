package org.medfed.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.medfed.engine.BadInputException;

/**
 * The output folder of a command ({@code run}, {@code gwas}, {@code benchmark}, {@code split}, a model export),
 * written so that nobody can take a partial or mixed folder for a finished one.
 *
 * <p>While a command writes, it holds a lock ({@value #LOCK}, an OS file lock that dies with the process, so a
 * {@code kill -9} never leaves a stale one) that refuses a second writer. Claiming a folder first removes the
 * completion marker and the outputs an earlier command left there; {@link #finish()} writes the marker
 * ({@value #MARKER}) last, listing every output with its size and SHA-256. Every reader (the results screen,
 * {@code predict}, {@code report}, {@code run --resume}) asks {@link #requireFinished(Path)} or
 * {@link #isFinished(Path)}: no marker, or an output whose size differs from the one listed, is not a finished
 * folder. A folder that holds a finished output is replaced only when the user says so ({@code --force}).
 */
public final class OutputFolder implements AutoCloseable {

    /** The completion marker, written last. */
    public static final String MARKER = "finished.properties";
    /** The lock file a writer holds. */
    public static final String LOCK = ".medfed.lock";

    private static final String COMMAND = "command";
    private static final String FINISHED = "finished";
    private static final String FILE = "file.";

    /** What to do with a folder that already holds something. */
    public enum Mode {
        /** Refuse a folder that holds anything (a new folder or an empty one is fine). */
        NEW,
        /** Replace the outputs of an earlier command (the user asked for it: {@code --force}, a save dialog). */
        REPLACE,
        /** Go on writing an unfinished folder ({@code run --resume}); refuse a finished one. */
        RESUME
    }

    /**
     * The folders this process holds: probing one of them with a second channel would release its lock on close
     * (POSIX record locks belong to the process, and closing any descriptor of the file drops them).
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final String command;
    private final List<String> outputs;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /**
     * The outermost folder the claim made (the folder itself, or a parent such as {@code runs/}), or null: what it
     * made is removed again when nothing was written.
     */
    private final Path created;
    private boolean finished;

    private OutputFolder(Path dir, String command, List<String> outputs, FileChannel lockChannel, FileLock lock,
                         Path created) {
        this.dir = dir;
        this.command = command;
        this.outputs = outputs;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.created = created;
    }

    /**
     * Takes {@code dir} for writing the outputs of {@code command}: creates it, locks it, checks what it holds
     * against {@code mode}, and (unless resuming) removes the marker, then every name in {@code outputs}.
     *
     * @param outputs the files and folders the command writes there (relative names); the marker will list those
     *                that exist when it finishes
     */
    public static OutputFolder claim(Path dir, String command, Mode mode, List<String> outputs) {
        if (dir.toString().isEmpty()) {
            throw new BadInputException("the output folder is an empty path");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException(dir, null, "is a file, not a folder: choose a folder for the outputs");
        }
        Path created = null;
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            created = p;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw FileProblem.of(dir, "the output folder could not be created", e);
        }
        FileChannel channel;
        FileLock lock;
        try {
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw FileProblem.of(dir, "the output folder could not be locked", e);
        }
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw FileProblem.of(dir, "the output folder could not be locked", e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new BadInputException(dir, null, "another MedFed command is writing into this folder right now; "
                    + "wait until it ends or choose another output folder");
        }
        OutputFolder folder = new OutputFolder(dir, command, List.copyOf(outputs), channel, lock, created);
        HELD.add(held(dir));
        try {
            folder.prepare(mode);
        } catch (RuntimeException e) {
            folder.close();
            throw e;
        }
        return folder;
    }

    private void prepare(Mode mode) {
        boolean finished = Files.exists(dir.resolve(MARKER));
        switch (mode) {
            case RESUME -> {
                if (finished) {
                    throw new BadInputException(dir, null, "holds a finished " + describe(dir)
                            + "; there is nothing to resume");
                }
                return;
            }
            case NEW -> {
                if (finished) {
                    throw new BadInputException(dir, null, "already holds a finished " + describe(dir)
                            + "; choose another output folder, or add --force to replace it");
                }
                List<String> present = entries();
                if (!present.isEmpty()) {
                    throw new BadInputException(dir, null, "is not empty (" + String.join(", ", present.subList(0,
                            Math.min(5, present.size()))) + (present.size() > 5 ? ", ..." : "")
                            + "); choose a new or empty output folder, or add --force to write into it");
                }
            }
            case REPLACE -> {
                // fall through to the clean-up below
            }
        }
        try {
            // the marker first: from here on a crash leaves a folder that reads as unfinished
            Files.deleteIfExists(dir.resolve(MARKER));
            for (String name : outputs) {
                FileTrees.delete(dir.resolve(name));
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path leftover : s.filter(f -> isLeftover(f.getFileName().toString())).toList()) {
                    FileTrees.delete(leftover);
                }
            }
        } catch (IOException e) {
            throw FileProblem.of(dir, "the earlier outputs in this folder could not be removed", e);
        }
    }

    public Path dir() {
        return dir;
    }

    /**
     * Marks the folder finished: writes {@value #MARKER}, listing each output that exists with its size and
     * SHA-256, atomically and last. Call it once every output is written.
     */
    public void finish() {
        Properties p = new Properties();
        p.setProperty(COMMAND, command);
        p.setProperty(FINISHED, Instant.now().toString());
        try {
            for (String name : outputs) {
                for (Path file : files(dir.resolve(name))) {
                    String rel = dir.relativize(file).toString().replace('\\', '/');
                    p.setProperty(FILE + rel, Files.size(file) + " " + sha256(file));
                }
            }
            AtomicFiles.write(dir.resolve(MARKER),
                    PropertiesText.of(p, "MedFed: this folder was written completely; outputs with their size and SHA-256"));
            finished = true;
        } catch (IOException e) {
            throw FileProblem.of(dir.resolve(MARKER), "could not be written", e);
        }
    }

    /**
     * Releases the lock; the folder reads as finished only if {@link #finish()} was called. A folder this claim made
     * and nothing was written into (the command failed first, on a missing file say) is removed, so that failed
     * attempts leave no empty folders behind; anything written (a checkpoint to resume from) keeps it.
     */
    @Override
    public void close() {
        boolean empty = created != null && !finished && holdsOnlyTheLock();
        if (empty) {
            // while still locked, so that no other command can have taken the folder meanwhile
            deleteQuietly(dir.resolve(LOCK));
        }
        HELD.remove(held(dir));
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            // closing the channel below releases it as well
        }
        closeQuietly(lockChannel);
        if (empty) {
            deleteQuietly(dir.resolve(LOCK)); // where an open file cannot be deleted (Windows), once it is closed
            for (Path p = dir.toAbsolutePath(); p != null && p.startsWith(created); p = p.getParent()) {
                deleteQuietly(p);
            }
        }
    }

    private boolean holdsOnlyTheLock() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(f -> f.getFileName().toString().equals(LOCK));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Something that appeared meanwhile keeps the folder, as does a folder that cannot be removed. */
    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // left behind: harmless, and an empty folder is accepted as an output folder later
        }
    }

    /**
     * Whether a command is writing into {@code dir} right now (in this process or another): its lock is held. An
     * unfinished folder nobody holds is one whose command was interrupted.
     */
    public static boolean isBeingWritten(Path dir) {
        if (HELD.contains(held(dir))) {
            return true;
        }
        Path file = dir.resolve(LOCK);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path held(Path dir) {
        return dir.toAbsolutePath().normalize();
    }

    /** Whether {@code dir} holds the whole output of a command that finished. */
    public static boolean isFinished(Path dir) {
        try {
            requireFinished(dir);
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }

    /**
     * Refuses, in words, a folder that does not hold the whole output of a finished command: no marker (never
     * finished, interrupted, or being written again), or an output missing or of another size than when it was
     * finished (changed or mixed up since).
     */
    public static void requireFinished(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir, null, "is not a folder (" + dir + ")");
        }
        Properties p;
        try {
            p = read(dir.resolve(MARKER));
        } catch (NoSuchFileException e) {
            throw new BadInputException(dir, null, "is not a finished output folder (no " + MARKER + "): "
                    + "the command that wrote it was interrupted, is still running, or it is not a MedFed folder"
                    + (Files.isRegularFile(dir.resolve("model-card.json")) ? "; a model folder copied out of its run "
                    + "folder, or exported by an earlier MedFed build, has none either: use the model inside its run "
                    + "folder (copy the whole run folder), or export it from its run (Results, Export model)" : ""));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(dir.resolve(MARKER), null, "could not be read: " + e.getMessage(), e);
        }
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith(FILE)) {
                continue;
            }
            String name = key.substring(FILE.length());
            Path file = dir.resolve(name);
            long size;
            try {
                size = Long.parseLong(p.getProperty(key).split(" ", 2)[0]);
            } catch (NumberFormatException e) {
                throw new BadInputException(dir.resolve(MARKER), null, "the entry of " + name + " is damaged", e);
            }
            try {
                if (Files.size(file) != size) {
                    throw new BadInputException(file, null, "has changed since the command that wrote "
                            + dir.getFileName() + " finished (" + Files.size(file) + " bytes, not " + size + ")");
                }
            } catch (IOException e) {
                throw new BadInputException(file, null, "is missing from the finished folder " + dir, e);
            }
        }
    }

    /**
     * The command that wrote the finished folder {@code dir} ({@code run}, {@code gwas}...), and when it finished;
     * refused in words as {@link #requireFinished} does when the folder is not the whole output of a finished command.
     */
    public static Finished finished(Path dir) {
        requireFinished(dir);
        try {
            Properties p = read(dir.resolve(MARKER));
            return new Finished(p.getProperty(COMMAND, ""), p.getProperty(FINISHED, ""));
        } catch (IOException e) {
            throw new BadInputException(dir.resolve(MARKER), null, "could not be read: " + e.getMessage(), e);
        }
    }

    /** Which command wrote a finished folder, and when it finished (an ISO instant). */
    public record Finished(String command, String at) {
    }

    /** Whether {@code dir}, or the folder that holds it, was written as an output folder (finished or not). */
    public static boolean isOutput(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        return claimed(d) || d.getParent() != null && claimed(d.getParent());
    }

    /** A command finished in {@code dir} or is (or was, until killed) writing it. */
    private static boolean claimed(Path dir) {
        return Files.exists(dir.resolve(MARKER)) || Files.exists(dir.resolve(LOCK));
    }

    /**
     * As {@link #requireFinished(Path)} for a folder that is either an output folder itself (an exported model) or
     * one output of the folder that holds it (the {@code model/} of a run) or of the folder above that (a hospital's
     * personal model in a run's {@code personal/HOSPITAL/}).
     */
    public static void requireFinishedPart(Path dir) {
        if (!Files.exists(dir.resolve(MARKER))) {
            Path parent = dir.toAbsolutePath().normalize().getParent();
            for (int up = 0; up < 2 && parent != null; up++, parent = parent.getParent()) {
                if (claimed(parent)) {
                    requireFinished(parent);
                    return;
                }
            }
        }
        requireFinished(dir);
    }

    /** What finished in {@code dir}, as "run (finished 2026-12-05T10:01:02Z)". */
    private static String describe(Path dir) {
        try {
            Properties p = read(dir.resolve(MARKER));
            return p.getProperty(COMMAND, "output") + " (finished " + p.getProperty(FINISHED, "?") + ")";
        } catch (IOException | IllegalArgumentException e) {
            return "output";
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(Files.readAllBytes(file)));
        return p;
    }

    private List<String> entries() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> !isLeftover(n) && !n.equals(LOCK)).sorted()
                    .toList();
        } catch (IOException e) {
            throw FileProblem.of(dir, "the output folder could not be listed", e);
        }
    }

    /**
     * A file or folder of ours that a killed writer left (a temporary file of {@link AtomicFiles}, a work folder):
     * not an output, and removed by the next writer, which holds the lock, so no other writer still uses it.
     */
    private static boolean isLeftover(String name) {
        return name.startsWith(".medfed-work-") || name.startsWith(".") && name.endsWith(".tmp");
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).sorted().forEach(out::add);
        }
        return out;
    }


    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }
}
