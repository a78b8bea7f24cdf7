package org.medfed.project;

import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.FileOutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.BadInputException;

/**
 * A hospital node's audit log: one JSON line per request ({@link AuditEntry}), appended, never rewritten, so that
 * the hospital can show what left the building. Each line is on disk (written and fsynced) before
 * {@link #append(AuditEntry)} returns; the node appends before its reply leaves, and does not send a reply whose
 * line could not be written.
 *
 * <p>A crash can cut the last line short. Opening the log again ends such a line with a newline, so that the
 * next entry starts on its own line and the cut one stays in the file as it was; {@link #read(Path)} reports cut
 * lines and skips them. Any other unreadable line is an error: an audit log is not edited by hand.
 *
 * <p>Lines are plain ASCII (other characters are written as JSON escapes): a crash cannot then split a character,
 * and the file reads the same in any editor.
 */
public final class AuditLogFile implements Closeable {

    private static final ObjectWriter WRITER = Json.MAPPER.writerFor(AuditLine.class)
            .without(SerializationFeature.INDENT_OUTPUT).with(JsonWriteFeature.ESCAPE_NON_ASCII);
    private static final ObjectReader READER = Json.MAPPER.readerFor(AuditLine.class);
    private static final byte NEWLINE = '\n';

    private final Path file;
    /**
     * A plain stream, not a FileChannel: a channel is closed for good when the thread writing to it is interrupted
     * (a node cancels the call of a coordinator that went away), and every later entry would then be lost.
     */
    private final FileOutputStream out;
    private final java.util.function.Consumer<AuditEntry> written;

    private AuditLogFile(Path file, FileOutputStream out, java.util.function.Consumer<AuditEntry> written) {
        this.file = file;
        this.out = out;
        this.written = written;
    }

    /** Opens {@code file} for appending, creating it and its folder when needed. */
    public static AuditLogFile open(Path file) {
        return open(file, entry -> { });
    }

    /**
     * As {@link #open(Path)}, telling {@code written} of each entry once it is on disk (the node's window shows the
     * log live from these, in the order written).
     */
    public static AuditLogFile open(Path file, java.util.function.Consumer<AuditEntry> written) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            boolean created = !Files.exists(file);
            boolean cut = !created && endsCutShort(file);
            FileOutputStream out = new FileOutputStream(file.toFile(), true);
            try {
                if (cut) {
                    // end the line a crash left without its newline, so that the next entry does not run on from it
                    out.write(NEWLINE);
                    out.getFD().sync();
                }
                if (created) {
                    syncFolder(folder);
                }
            } catch (IOException e) {
                out.close();
                throw e;
            }
            return new AuditLogFile(file, out, written);
        } catch (IOException e) {
            throw new BadInputException(file, null, "the audit log could not be opened for writing: " + e.getMessage(),
                    e);
        }
    }

    public Path file() {
        return file;
    }

    /** Writes {@code entry} as one line and forces it to disk before returning. */
    public synchronized void append(AuditEntry entry) {
        try {
            byte[] json = WRITER.writeValueAsBytes(AuditLine.of(entry));
            byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
            line[json.length] = NEWLINE;
            out.write(line);
            // fsync, metadata too: the file's new length is what makes the line readable after a power cut
            out.getFD().sync();
        } catch (IOException e) {
            throw new BadInputException(file, null, "the audit log could not be written: " + e.getMessage(), e);
        }
        written.accept(entry);
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new BadInputException(file, null, "the audit log could not be closed: " + e.getMessage(), e);
        }
    }

    /** The entries of the log at {@code file}, skipping (and listing) lines that a crash cut short. */
    public static AuditLogContents read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, "audit log not found (looked for " + file.toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new BadInputException(file, null, "the audit log could not be read: " + e.getMessage(), e);
        }
        List<AuditEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "line " + (i + 1);
            try {
                AuditLine parsed = READER.readValue(line);
                if (parsed == null) {
                    throw new BadInputException(file, where, "is not an audit entry: it is JSON null, not an object");
                }
                entries.add(parsed.entry());
            } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
                if (isCutShort(line, e)) {
                    skipped.add(where + " was cut short (the node stopped while writing it); skipped");
                } else {
                    throw new BadInputException(file, where, "is not an audit entry: " + message(e), e);
                }
            }
        }
        return new AuditLogContents(entries, skipped);
    }

    /**
     * A whole entry always ends with its closing brace; a line that does not, or whose JSON ends before it is
     * complete (cut inside a text that held a brace), was cut by a crash rather than written wrong.
     */
    private static boolean isCutShort(String line, Exception e) {
        if (!line.endsWith("}")) {
            return true;
        }
        // the data-binding layer wraps the parser's end-of-input error
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonEOFException) {
                return true;
            }
        }
        return false;
    }

    private static String message(Exception e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                : e.getMessage();
    }

    /** Whether the file's last byte is not a newline: a crash stopped the last append mid-line. */
    private static boolean endsCutShort(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, size - 1);
            return last.get(0) != NEWLINE;
        }
    }

    /** A new file's name is only durable once its folder is synced too; not every system allows it (Windows). */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // the entries themselves are still forced; only the new name may need the system's own flush
        }
    }
}
