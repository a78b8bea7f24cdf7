package org.medfed.gui.node;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.medfed.gui.common.ExecutorBackgroundTasks;

/** The JavaFX application of a hospital's node window, started by {@link NodeWindowLauncher}. */
public final class NodeApp extends Application {

    private static volatile Path initial;

    private ExecutorBackgroundTasks tasks;

    static void setInitial(Path nodeJsonOrKit) {
        initial = nodeJsonOrKit;
    }

    @Override
    public void start(Stage stage) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "medfed-node-window-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        tasks = new ExecutorBackgroundTasks(workers, Platform::runLater);
        NodeWindow window = NodeWindowStage.show(stage, tasks);
        if (initial != null) {
            window.open(initial);
        }
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.shutdown();
        }
    }
}
