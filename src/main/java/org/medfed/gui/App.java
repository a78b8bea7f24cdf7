package org.medfed.gui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.medfed.concurrency.Workers;
import org.medfed.gui.common.ExecutorBackgroundTasks;
import org.medfed.gui.common.FxUserDialogs;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.SampleStudies;
import org.medfed.gui.results.RunHistoryStore;

/**
 * The JavaFX application: one window holding the workbench. Started by {@link WorkbenchLauncher}, which hands it
 * the program's workers first (JavaFX makes the Application itself, so they cannot come by constructor).
 */
public final class App extends Application {

    private static volatile Path initialStudy;
    private static volatile Workers workers;

    private ExecutorBackgroundTasks tasks;
    private Workbench workbench;

    static void prepare(Workers programWorkers, Path study) {
        workers = programWorkers;
        initialStudy = study;
    }

    @Override
    public void start(Stage stage) {
        tasks = new ExecutorBackgroundTasks(workers, Platform::runLater);
        FxUserDialogs dialogs = new FxUserDialogs(() -> stage);
        workbench = new Workbench(tasks, dialogs, RecentStudies.inHome(), SampleStudies.list(), new RunHistoryStore(),
                Platform::exit);
        Scene scene = new Scene(workbench.root(), 1360, 860);
        stage.setScene(scene);
        stage.titleProperty().bind(workbench.shell().titleProperty());
        stage.setMinWidth(1000);
        stage.setMinHeight(680);
        stage.setOnCloseRequest(e -> {
            if (!workbench.shell().requestClose()) {
                e.consume();
            }
        });
        stage.show();
        workbench.warmUpCharts();
        if (initialStudy != null) {
            workbench.open(initialStudy);
        }
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.shutdown(java.time.Duration.ofSeconds(10));
        }
    }
}
