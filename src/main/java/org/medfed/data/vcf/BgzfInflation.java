package org.medfed.data.vcf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.medfed.engine.BadInputException;

/**
 * One BGZF block inflated into its own buffer and checked (the length its trailer declares, its CRC32), as a task
 * that a helper thread or the reading thread runs, whichever comes first: {@link #await()} runs it on the reading
 * thread when no helper has started it, so a reader never waits for a queue that other readers keep busy.
 */
final class BgzfInflation extends FutureTask<Integer> {

    private final byte[] out;

    private BgzfInflation(BgzfBlocks.Block block, byte[] out, Path file, Queue<Inflater> inflaters) {
        super(() -> inflate(block, out, file, inflaters));
        this.out = out;
    }

    /** Inflates {@code block} into {@code out} (at least {@link BgzfBlocks#MAX_BLOCK} long) when run. */
    static BgzfInflation of(BgzfBlocks.Block block, byte[] out, Path file, Queue<Inflater> inflaters) {
        return new BgzfInflation(block, out, file, inflaters);
    }

    /** A place in the order of blocks where reading failed: {@link #await()} throws {@code failure}. */
    static BgzfInflation failed(Throwable failure) {
        BgzfInflation f = new BgzfInflation(null, null, null, null);
        f.setException(failure);
        return f;
    }

    /** The inflated bytes; valid after {@link #await()}. */
    byte[] out() {
        return out;
    }

    /** Runs the task here unless a helper has started it, then waits for it: the block's length. */
    int await() throws IOException {
        run(); // does nothing when a helper has begun it or it is done
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return get();
                } catch (InterruptedException e) {
                    // a helper finishes one block within a millisecond; the interrupt is kept for the caller
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        if (cause instanceof IOException io) {
            return io;
        }
        return new IOException(cause);
    }

    private static int inflate(BgzfBlocks.Block block, byte[] out, Path file, Queue<Inflater> inflaters) {
        byte[] in = block.bytes();
        int size = block.size();
        int n = 0;
        if (size > 0) {
            Inflater inflater = inflaters.poll();
            if (inflater == null) {
                inflater = new Inflater(true);
            }
            try {
                inflater.setInput(in, BgzfBlocks.HEADER, in.length - BgzfBlocks.HEADER - BgzfBlocks.TRAILER);
                n = inflater.inflate(out, 0, size);
            } catch (DataFormatException e) {
                throw damaged(file, block, "a compressed block cannot be inflated (" + e.getMessage() + ")");
            } finally {
                inflater.reset();
                inflaters.offer(inflater);
            }
            if (n != size) {
                throw damaged(file, block, "a compressed block holds " + n + " bytes of data where its trailer "
                        + "declares " + size);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(out, 0, n);
        if (crc.getValue() != BgzfBlocks.uint32(in, in.length - BgzfBlocks.TRAILER)) {
            throw damaged(file, block, "a compressed block's data does not match its CRC32 checksum");
        }
        return n;
    }

    private static BadInputException damaged(Path file, BgzfBlocks.Block block, String problem) {
        return new BadInputException(file, "byte " + block.offset(), problem + " (is the compressed data damaged?)");
    }
}
