package org.medfed.gui.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.medfed.concurrency.Workers;
import org.medfed.gui.common.BackgroundTasks;

/**
 * A stand-in for the FX thread in view-model tests: callbacks and UI work queue up and run only when the test
 * thread calls {@link #drain} or {@link #until}, in order, as on the real UI thread. Background work runs on the
 * calling thread ({@link #sameThread()}) or on a worker ({@link #worker()}) when a test needs to act mid-run.
 */
public final class QueuedUi implements BackgroundTasks, AutoCloseable {

    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    /** The threads a view-model may ask for (a run's hospitals), closed with this. */
    private final Workers owner = new Workers();
    private final ExecutorService workers;

    private QueuedUi(boolean worker) {
        this.workers = worker ? owner.pool("test-worker") : null;
    }

    public static QueuedUi sameThread() {
        return new QueuedUi(false);
    }

    public static QueuedUi worker() {
        return new QueuedUi(true);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onFailure) {
        Runnable job = () -> {
            try {
                T value = work.call();
                ui.add(() -> onDone.accept(value));
            } catch (Exception | Error e) {
                ui.add(() -> onFailure.accept(e));
            }
        };
        if (workers == null) {
            job.run();
        } else {
            workers.execute(job);
        }
    }

    @Override
    public Executor ui() {
        return ui::add;
    }

    @Override
    public Workers workers() {
        return owner;
    }

    /** Runs everything queued so far, and what that queues, until nothing is left. */
    public void drain() {
        for (Runnable r = ui.poll(); r != null; r = ui.poll()) {
            r.run();
        }
    }

    /** Runs UI work as it arrives until {@code condition} holds (checked on this, the "UI", thread). */
    public void until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        drain();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + timeout);
            }
            try {
                Runnable r = ui.poll(20, TimeUnit.MILLISECONDS);
                if (r != null) {
                    r.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        owner.close();
    }
}
