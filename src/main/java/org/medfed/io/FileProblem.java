package org.medfed.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import org.medfed.engine.BadInputException;

/**
 * Turns a failing environment (a full disk, a file that vanished, a folder where a file was expected, a device, a
 * path that cannot exist) into a {@link BadInputException} that says which one it is, so that the command line exits
 * 2 with one sentence instead of a stack trace, and a screen shows the same sentence.
 */
public final class FileProblem {

    private FileProblem() {
    }

    /**
     * The problem of reading or writing {@code file}, worded from the exception.
     *
     * @param doing what we were doing, as "could not be written" or "could not be read"
     */
    public static BadInputException of(Path file, String doing, IOException e) {
        return new BadInputException(file, null, doing + ": " + reason(file, e), e);
    }

    /** Why an I/O operation on {@code file} failed, in words. */
    public static String reason(Path file, IOException e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk full") || lower.contains("not enough space")
                || lower.contains("quota exceeded")) {
            return "the disk is full; free some space or choose another folder";
        }
        if (e instanceof NoSuchFileException n) {
            return (n.getFile() == null || file == null || Path.of(n.getFile()).equals(file) ? "it" : n.getFile())
                    + " does not exist (any more): was it moved or deleted?";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied; check who may read and write it";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (lower.contains("is a directory")) {
            return "it is a folder, not a file";
        }
        if (lower.contains("read-only file system")) {
            return "the disk is read-only";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof FileNotFoundException) {
            return message;
        }
        return message;
    }

    /**
     * The path given by a user, checked before anything opens it: not empty, no NUL or other character the file
     * system cannot hold.
     *
     * @param what what the path is for, as "the data file"
     */
    public static Path path(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new BadInputException(what + " is an empty path; give the path of a file");
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadInputException(what + " '" + text.replace("\0", "\\0")
                    + "' contains a NUL character, which no file name can hold");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new BadInputException(what + " '" + text + "' is not a possible path: " + e.getReason(), e);
        }
    }

    /**
     * Refuses, in words, a path given for a file that is no file to read: empty, a folder, or a device or pipe
     * (whose reading never ends, as {@code /dev/zero}). A missing file is left to the caller, whose message says
     * what it looked for.
     */
    public static void refuseNonFile(Path file) {
        if (file.toString().isEmpty()) {
            throw new BadInputException("an empty path was given where a file was expected");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, null, "is a folder, not a file (" + file.toAbsolutePath() + ")");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new BadInputException(file, null, "is a device or pipe, not a file (" + file + ")");
        }
    }
}
