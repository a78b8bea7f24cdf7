package org.medfed.concurrency;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * One output made in numbered pieces on several threads and taken in order by the thread that asks: a results
 * table of 100,000 lines is formatted by whichever threads are free, and written as one file from first line to last.
 * The asking thread makes pieces itself whenever the next one it needs is not yet taken, so it never waits for a
 * piece that no thread has started: the helpers may start late (a bounded executor runs them after the work queued
 * before them) or not at all, and the output is the same.
 */
public final class PiecesInOrder {

    private PiecesInOrder() {
    }

    /** Takes the pieces in order; may throw what writing them throws. */
    @FunctionalInterface
    public interface Sink<R> {
        void take(R piece) throws IOException;
    }

    /**
     * Makes pieces 0 to {@code count - 1} with {@code make}, on this thread and on up to {@code helpers} tasks of
     * {@code executor}, and gives each to {@code sink} in order, on this thread. When making a piece fails, the
     * pieces before it have been taken and its failure is thrown, as a loop over the pieces would have thrown it.
     */
    public static <R> void run(int count, IntFunction<? extends R> make, Executor executor, int helpers, Sink<? super R> sink)
            throws IOException {
        AtomicInteger next = new AtomicInteger();
        @SuppressWarnings("unchecked")
        CompletableFuture<R>[] made = new CompletableFuture[count];
        for (int i = 0; i < count; i++) {
            made[i] = new CompletableFuture<>();
        }
        Runnable helper = () -> {
            while (makeNext(next, count, make, made)) {
                // keep taking pieces until none is left
            }
        };
        for (int h = 0; h < Math.min(helpers, count - 1); h++) {
            executor.execute(helper);
        }
        try {
            for (int i = 0; i < count; i++) {
                while (!made[i].isDone() && makeNext(next, count, make, made)) {
                    // piece i is not ready: make the next untaken one rather than wait
                }
                R piece;
                try {
                    piece = made[i].join(); // taken by a thread that is making it, so this wait ends
                } catch (CompletionException e) {
                    throw unwrap(e);
                }
                made[i] = null;
                sink.take(piece);
            }
        } finally {
            next.set(count); // helpers that start late, or after a failure, take nothing
        }
    }

    private static <R> boolean makeNext(AtomicInteger next, int count, IntFunction<? extends R> make,
                                        CompletableFuture<R>[] made) {
        int i = next.getAndIncrement();
        if (i >= count) {
            return false;
        }
        CompletableFuture<R> piece = made[i];
        try {
            piece.complete(make.apply(i));
        } catch (Throwable t) {
            piece.completeExceptionally(t);
        }
        return true;
    }

    private static RuntimeException unwrap(CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
