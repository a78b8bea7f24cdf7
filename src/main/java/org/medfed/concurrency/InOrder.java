package org.medfed.concurrency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Asks every one of a list at once and takes the answers in the list's order: the hospitals of a simulated study
 * each read and summarise their own table, as they would at their own sites, and whatever is then added up is
 * added in the same order as a loop would, so a run stays bit-identical.
 */
public final class InOrder {

    private InOrder() {
    }

    /** Runs everything on the thread that asks: the same answers, one item after another. */
    public static final Executor HERE = Runnable::run;

    /**
     * {@code f} of each item, run on {@code executor}, answers in the items' order. When some fail, this waits for
     * all and throws the failure of the first failing item, which is what a loop over the items would have thrown.
     * Not to be called from a task of a bounded {@code executor} itself: the task would wait for places it holds.
     *
     * @throws CancellationException when the asking thread is interrupted while it waits (its flag stays set)
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f, Executor executor) {
        int n = items.size();
        Object[] answers = new Object[n];
        Throwable[] failures = new Throwable[n];
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            int at = i;
            executor.execute(() -> {
                try {
                    answers[at] = f.apply(items.get(at));
                } catch (Throwable t) {
                    failures[at] = t;
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for " + n + " answers");
        }
        for (Throwable t : failures) {
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) new ArrayList<>(Arrays.asList(answers));
        return out;
    }
}
