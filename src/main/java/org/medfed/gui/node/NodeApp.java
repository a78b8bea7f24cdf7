package org.medfed.gui.node;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.medfed.concurrency.Workers;
import org.medfed.gui.common.ExecutorBackgroundTasks;

/** The JavaFX application of a hospital's node window, started by {@link NodeWindowLauncher}. */
public final class NodeApp extends Application {

    private static volatile Path initial;
    private static volatile Workers workers;

    private ExecutorBackgroundTasks tasks;

    /** What the launcher hands over before JavaFX makes the application: the program's workers, the file to open. */
    static void prepare(Workers programWorkers, Path nodeJsonOrKit) {
        workers = programWorkers;
        initial = nodeJsonOrKit;
    }

    @Override
    public void start(Stage stage) {
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
