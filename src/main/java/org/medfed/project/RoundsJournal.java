package org.medfed.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.medfed.engine.RoundRecord;

/**
 * The round records of a checkpointed run, one compact JSON line per round, appended after each round. A round's
 * record never changes once the round is over, so a checkpoint need not repeat the earlier ones: it names how many
 * records and bytes of this file it stands for, and their SHA-256 ({@link Extent}). Writing each round's record once
 * keeps a run's checkpoints linear in its rounds: when every checkpoint held every record, a run of 1,000 hospitals
 * and 40 rounds wrote 330 MB of checkpoints (16.5 MB the last), growing with the square of the rounds.
 *
 * <p>Bytes past a checkpoint's extent are what a save killed before its checkpoint was written had appended; they
 * are never read, and the next append cuts them off first. Not thread-safe: one run saves at a time.
 */
final class RoundsJournal {

    /** The part of the journal a checkpoint stands for: its first {@code rounds} lines, {@code bytes} long. */
    record Extent(int rounds, long bytes, String sha256) {
    }

    private static final ObjectWriter LINE = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    /** The records the file holds up to {@link #bytes}, as far as this object wrote or read them; null: unknown. */
    private List<RoundRecord> records;
    private long bytes;
    private MessageDigest digest;

    RoundsJournal(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Whether {@code rounds} begins with the records this journal holds (false when it does not know them). */
    boolean continues(List<RoundRecord> rounds) {
        if (records == null || rounds.size() < records.size()) {
            return false;
        }
        for (int i = 0; i < records.size(); i++) {
            RoundRecord kept = records.get(i);
            // the same object after the first save; an equal one after a resume, read back bit for bit
            if (kept != rounds.get(i) && !kept.equals(rounds.get(i))) {
                return false;
            }
        }
        // the caller's objects from now on, so that the next saves find the same objects, not only equal ones
        for (int i = 0; i < records.size(); i++) {
            records.set(i, rounds.get(i));
        }
        return true;
    }

    /** Holds nothing from now on: the next append starts the file afresh. */
    void restart() {
        records = new ArrayList<>();
        bytes = 0;
        digest = sha256();
    }

    /**
     * Writes the records of {@code rounds} past the ones it holds and forces them to the disk; the caller has made sure
     * that {@code rounds} {@link #continues(List) continues} them, or has {@link #restart() restarted}. Returns the
     * extent that covers them all.
     */
    Extent appendAfterHeld(List<RoundRecord> rounds) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (RoundRecord r : rounds.subList(records.size(), rounds.size())) {
            // compact JSON has no raw line break: strings escape theirs
            LINE.writeValue(lines, RoundRecordJson.write(r));
            lines.write('\n');
        }
        byte[] added = lines.toByteArray();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.truncate(bytes);
            ByteBuffer buffer = ByteBuffer.wrap(added);
            long at = bytes;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            channel.force(false);
        }
        digest.update(added);
        bytes += added.length;
        records.addAll(rounds.subList(records.size(), rounds.size()));
        return extent();
    }

    /**
     * The records of {@code extent}, checked against its length, digest and count; appends then go on after them.
     *
     * @throws CheckpointFormatException naming what does not match, when the file is missing, shorter, changed or
     *                                   not of round records
     */
    List<RoundRecord> read(Extent extent) throws IOException {
        MessageDigest read = sha256();
        List<RoundRecord> out = new ArrayList<>(extent.rounds());
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        CheckpointFormatException unreadable = null;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < extent.bytes()) {
                throw new CheckpointFormatException("its round records " + file.getFileName() + " hold "
                        + channel.size() + " bytes where the checkpoint stands for " + extent.bytes()
                        + " (the file was cut short)");
            }
            // line by line: a long run of many hospitals has records of gigabytes
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            for (long at = 0; at < extent.bytes(); ) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), extent.bytes() - at));
                int n = channel.read(chunk, at);
                if (n <= 0) {
                    throw new CheckpointFormatException("its round records " + file.getFileName()
                            + " ended at byte " + at + " while being read");
                }
                read.update(chunk.array(), 0, n);
                byte[] data = chunk.array();
                int from = 0;
                for (int i = 0; i < n && unreadable == null; i++) {
                    if (data[i] != '\n') {
                        continue;
                    }
                    line.write(data, from, i - from);
                    from = i + 1;
                    try {
                        out.add(record(line, out.size() + 1));
                    } catch (CheckpointFormatException e) {
                        // said after the digest: a changed file is told as changed, not by its first bad line
                        unreadable = e;
                    }
                    line.reset();
                }
                line.write(data, from, n - from);
                at += n;
            }
        } catch (NoSuchFileException e) {
            throw new CheckpointFormatException("its round records " + file.getFileName() + " are missing", e);
        }
        if (!HexFormat.of().formatHex(clone(read).digest()).equals(extent.sha256())) {
            throw new CheckpointFormatException("its round records " + file.getFileName() + " are not the ones it was "
                    + "saved with (their SHA-256 differs: the file was changed or damaged)");
        }
        if (unreadable != null) {
            throw unreadable;
        }
        if (line.size() != 0 || out.size() != extent.rounds()) {
            throw new CheckpointFormatException("its round records " + file.getFileName() + " hold " + out.size()
                    + " whole lines where the checkpoint stands for " + extent.rounds() + " rounds");
        }
        records = new ArrayList<>(out);
        bytes = extent.bytes();
        digest = read;
        return out;
    }

    private RoundRecord record(ByteArrayOutputStream line, int number) {
        String where = file.getFileName() + " line " + number;
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line.toString(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CheckpointFormatException(where + " is not JSON: " + e.getOriginalMessage(), e);
        }
        return RoundRecordJson.read(node, where);
    }

    /** Removes the file; the next append starts it afresh. */
    void delete() throws IOException {
        Files.deleteIfExists(file);
        records = null;
    }

    private Extent extent() {
        return new Extent(records.size(), bytes, HexFormat.of().formatHex(clone(digest).digest()));
    }

    /** A copy of a digest mid-way, to read its value while it goes on. */
    private static MessageDigest clone(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this Java runtime's SHA-256 cannot be copied mid-way", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
