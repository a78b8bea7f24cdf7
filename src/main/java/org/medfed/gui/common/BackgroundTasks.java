package org.medfed.gui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.medfed.concurrency.Workers;

/**
 * Where every slow job of the workbench goes (reading hospitals' files, a run, an export), so that the FX thread
 * never waits. Results and failures come back on the UI executor. The application gives one backed by a thread
 * pool of the program's {@link Workers} and {@code Platform::runLater}; tests give {@link #immediate()} or a controllable one.
 */
public interface BackgroundTasks {

    <T> void run(Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread (later, in order). */
    Executor ui();

    /** The program's threads, for work that needs threads of its own (a run's hospitals, a node, a coordinator). */
    Workers workers();

    /** Runs work and callbacks at once on the calling thread: for view-model tests. */
    static BackgroundTasks immediate() {
        return new BackgroundTasks() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onFailure) {
                T value;
                try {
                    value = work.call();
                } catch (Exception | Error e) {
                    onFailure.accept(e);
                    return;
                }
                onDone.accept(value);
            }

            @Override
            public Executor ui() {
                return Runnable::run;
            }

            @Override
            public Workers workers() {
                throw new IllegalStateException("immediate tasks run everything on the calling thread; a view-model "
                        + "that needs threads of its own is tested with threads (QueuedUi, ExecutorBackgroundTasks)");
            }
        };
    }
}
