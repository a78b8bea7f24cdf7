package org.medfed.analytics.gwas;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A hospital's genotypes kept on its own disk at two bits per call (0, 1, 2, or 3 for missing), written
 * once while the VCF streams by and read again at every round of the study. A VCF is parsed once; later
 * passes read 125 bytes per variant for 500 samples instead of re-parsing text, and memory stays small
 * whatever the number of variants. (The layout is PLINK's .bed idea, written here from scratch.)
 */
final class PackedGenotypes implements Closeable {

    private static final int CHUNK = 1 << 20;
    private static final byte MISSING_CODE = 3;

    private final Path file;
    private final int samples;
    private final int rowBytes;
    private OutputStream writer;
    private FileChannel channel;
    private int variants;
    private final byte[] packed;
    private ByteBuffer chunk;
    private long chunkStart = -1;

    private PackedGenotypes(Path file, int samples) throws IOException {
        this.file = file;
        this.samples = samples;
        this.rowBytes = (samples + 3) / 4;
        this.packed = new byte[rowBytes];
        this.writer = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    /** A new empty store in {@code dir}; the file is deleted on {@link #close()}. */
    static PackedGenotypes create(Path dir, int samples) {
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, "medfed-genotypes-", ".bin");
            file.toFile().deleteOnExit();
            return new PackedGenotypes(file, samples);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work file in " + dir, e);
        }
    }

    /** Adds one variant: {@code dosages[i]} in 0..2 or negative for missing. */
    void append(byte[] dosages) {
        java.util.Arrays.fill(packed, (byte) 0);
        for (int i = 0; i < samples; i++) {
            int code = dosages[i] < 0 ? MISSING_CODE : dosages[i];
            packed[i >> 2] |= (byte) (code << ((i & 3) << 1));
        }
        try {
            writer.write(packed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the genotype work file " + file, e);
        }
        variants++;
    }

    /** Ends writing; the store can be read from now on. */
    void finish() {
        try {
            writer.close();
            writer = null;
            channel = FileChannel.open(file, StandardOpenOption.READ);
            int rowsPerChunk = Math.max(1, CHUNK / Math.max(1, rowBytes));
            chunk = ByteBuffer.allocate(rowsPerChunk * rowBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen the genotype work file " + file, e);
        }
    }

    int variants() {
        return variants;
    }

    int samples() {
        return samples;
    }

    /** Unpacks variant {@code v} into {@code out} (length {@link #samples()}), missing as -1. */
    void read(int v, byte[] out) {
        long offset = (long) v * rowBytes;
        if (chunkStart < 0 || offset < chunkStart || offset + rowBytes > chunkStart + chunk.limit()) {
            load(offset);
        }
        int base = (int) (offset - chunkStart);
        byte[] data = chunk.array();
        for (int i = 0; i < samples; i++) {
            int code = (data[base + (i >> 2)] >> ((i & 3) << 1)) & 3;
            out[i] = code == MISSING_CODE ? -1 : (byte) code;
        }
    }

    private void load(long offset) {
        try {
            chunk.clear();
            long position = offset;
            while (chunk.hasRemaining()) {
                int n = channel.read(chunk, position);
                if (n < 0) {
                    break;
                }
                position += n;
            }
            chunk.flip();
            chunkStart = offset;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the genotype work file " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            if (writer != null) {
                writer.close();
            }
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the genotype work file " + file, e);
        }
    }
}
