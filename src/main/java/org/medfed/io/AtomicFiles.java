package org.medfed.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file completely or not at all: to a temporary file beside it, then one move, so that a crash or a
 * full disk never leaves half a study, table or model card.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, new java.nio.file.attribute.FileAttribute<?>[0]);
    }

    /** What a file holds, written piece by piece: a large table need not be built whole in memory first. */
    @FunctionalInterface
    public interface Content {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** As {@link #write(Path, byte[])}, the content written to the temporary file as {@code content} makes it. */
    public static void write(Path target, Content content) throws IOException {
        write(target, channel -> {
            java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(
                    channel), 1 << 16);
            content.writeTo(out);
            out.flush();
        }, new java.nio.file.attribute.FileAttribute<?>[0]);
    }

    /**
     * As {@link #write(Path, byte[])}, the file created with {@code attributes} (owner-only permissions for a
     * private key), which it has from its first byte on.
     */
    public static void write(Path target, byte[] content, java.nio.file.attribute.FileAttribute<?>... attributes)
            throws IOException {
        write(target, channel -> {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }, attributes);
    }

    private interface ChannelContent {
        void writeTo(java.nio.channels.SeekableByteChannel channel) throws IOException;
    }

    private static void write(Path target, ChannelContent content, java.nio.file.attribute.FileAttribute<?>... attributes)
            throws IOException {
        if (Files.isDirectory(target)) {
            // a move would replace an empty folder with the file, or fail on a full one with a puzzling message
            throw new FileSystemException(target.toString(), null, "it is a folder, not a file");
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: its owner-only permissions would stick to the user's file after the move
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        try {
            try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(temp,
                    java.util.EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
                content.writeTo(channel);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
