package org.medfed.data.vcf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.zip.Inflater;

/**
 * A BGZF file's inflated bytes, in order, with the blocks inflated ahead of the reader by helper threads: the
 * reading thread cuts the file into blocks ({@link BgzfBlocks}, which checks their framing), hands up to
 * {@code readAhead} of them to {@code helpers}, and takes their bytes back in file order, inflating a block itself
 * when no helper has started it (so a busy or shut-down executor slows nothing down and never hangs the reader).
 * A block that fails (damaged, cut, wrong CRC, the end-of-file marker missing) fails where it stands in the order,
 * after every byte before it has been read, in words naming the file and the byte where the block starts.
 */
final class BgzfInput extends InputStream {

    /** Blocks inflated ahead: 16 x 64 KiB keeps a few helpers busy for about a millisecond's parsing each. */
    static final int READ_AHEAD = 16;
    private static final byte[] NONE = new byte[0];

    private final BgzfBlocks blocks;
    private final Executor helpers;
    private final int readAhead;
    private final ArrayDeque<BgzfInflation> ahead = new ArrayDeque<>();
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    /** Inflaters between tasks, taken by whichever thread runs one (native memory: ended at close). */
    private final Queue<Inflater> inflaters = new ConcurrentLinkedQueue<>();
    private boolean lastBlockQueued;
    private byte[] current = NONE;
    private int position;
    private int length;
    private boolean closed;

    BgzfInput(BgzfBlocks blocks, Executor helpers, int readAhead) {
        if (readAhead < 1) {
            throw new IllegalArgumentException("readAhead must be at least 1");
        }
        this.blocks = blocks;
        this.helpers = helpers;
        this.readAhead = readAhead;
    }

    @Override
    public int read() throws IOException {
        if (position == length && !nextBlock()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == length && !nextBlock()) {
            return -1;
        }
        int n = Math.min(len, length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return length - position;
    }

    /** Moves to the next block holding data; false at the end of the file. */
    private boolean nextBlock() throws IOException {
        if (closed) {
            throw new IOException("the stream is closed");
        }
        do {
            if (current != NONE) {
                spare.push(current);
                current = NONE;
            }
            position = 0;
            length = 0;
            queueBlocks();
            BgzfInflation next = ahead.peek();
            if (next == null) {
                return false;
            }
            length = next.await(); // a failure stays at the head of the queue: reading again repeats it
            ahead.poll();
            current = next.out();
        } while (length == 0);
        queueBlocks();
        return true;
    }

    private void queueBlocks() {
        while (!lastBlockQueued && ahead.size() < readAhead) {
            BgzfInflation task;
            try {
                BgzfBlocks.Block block = blocks.next();
                if (block == null) {
                    lastBlockQueued = true;
                    return;
                }
                task = BgzfInflation.of(block, buffer(), blocks.file(), inflaters);
            } catch (IOException | RuntimeException e) {
                // refused framing is reported when the reader gets there, after the good blocks before it
                ahead.add(BgzfInflation.failed(e));
                lastBlockQueued = true;
                return;
            }
            ahead.add(task);
            try {
                helpers.execute(task);
            } catch (RejectedExecutionException e) {
                // the executor is shut down: this thread inflates the block when it gets to it
            }
        }
    }

    private byte[] buffer() {
        byte[] b = spare.poll();
        return b != null ? b : new byte[BgzfBlocks.MAX_BLOCK];
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        current = NONE;
        position = 0;
        length = 0;
        // blocks still queued are dropped; one a helper is inflating finishes into a buffer nobody reads
        ahead.forEach(task -> task.cancel(false));
        ahead.clear();
        try {
            blocks.close();
        } finally {
            for (Inflater i = inflaters.poll(); i != null; i = inflaters.poll()) {
                i.end();
            }
        }
    }
}
