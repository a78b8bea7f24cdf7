package org.medfed.gui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.medfed.concurrency.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background work on a pool of the program's workers, with results handed to the UI executor. */
public final class ExecutorBackgroundTasks implements BackgroundTasks {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorBackgroundTasks.class);

    private final Workers owner;
    private final ExecutorService workers;
    private final Executor ui;

    public ExecutorBackgroundTasks(Workers owner, Executor ui) {
        this.owner = owner;
        this.workers = owner.pool("medfed-background");
        this.ui = ui;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onFailure) {
        if (workers.isShutdown()) {
            return; // the window is closing: nobody is left to see the result
        }
        workers.execute(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception | Error e) {
                if (!(e instanceof org.medfed.engine.BadInputException) && !(e instanceof java.util.concurrent.CancellationException)) {
                    // bad input and a person's Cancel are expected outcomes, not faults to log
                    LOG.warn("background task failed", e);
                }
                ui.execute(() -> onFailure.accept(e));
                return;
            }
            ui.execute(() -> onDone.accept(value));
        });
    }

    @Override
    public Executor ui() {
        return ui;
    }

    @Override
    public Workers workers() {
        return owner;
    }

    /**
     * Stops the background jobs (the window is closing) and interrupts those under way; the workers' other pools
     * are their owners' to stop.
     */
    public void shutdown() {
        shutdown(java.time.Duration.ZERO);
    }

    /**
     * Takes no more work and lets the work under way finish for up to {@code grace} (the workbench's window: a
     * stopped run's folder being written, so that it is whole), then interrupts what is left.
     */
    public void shutdown(java.time.Duration grace) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
