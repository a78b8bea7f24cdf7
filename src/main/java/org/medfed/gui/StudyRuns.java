package org.medfed.gui;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import org.medfed.gui.shell.RunningWork;

/**
 * The workbench's runs as the shell sees them before it closes or replaces the study: a run in rounds and an
 * association study. Stopping them waits for their end (the engine stops within one training step), so that a
 * stopped run is shown and kept in the run history before the window goes.
 */
final class StudyRuns implements RunningWork {

    private final BooleanSupplier active;
    private final Runnable stop;
    private final List<Observable> phases;
    private final Executor ui;

    StudyRuns(BooleanSupplier active, Runnable stop, List<Observable> phases, Executor ui) {
        this.active = active;
        this.stop = stop;
        this.phases = phases;
        this.ui = ui;
    }

    @Override
    public boolean isRunning() {
        return active.getAsBoolean();
    }

    @Override
    public void stopThen(Runnable then) {
        stop.run();
        if (!isRunning()) {
            ui.execute(then);
            return;
        }
        InvalidationListener[] watch = new InvalidationListener[1];
        watch[0] = o -> {
            if (!isRunning()) {
                phases.forEach(p -> p.removeListener(watch[0]));
                // after the run's own end-of-run work (results shown, their saving started), not inside it
                ui.execute(then);
            }
        };
        phases.forEach(p -> p.addListener(watch[0]));
    }
}
