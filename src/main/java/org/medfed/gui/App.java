package org.medfed.gui;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.medfed.gui.common.ChartWarmUp;
import org.medfed.gui.common.ExecutorBackgroundTasks;
import org.medfed.gui.common.FxUserDialogs;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.SampleStudies;
import org.medfed.gui.results.RunHistoryStore;

/** The JavaFX application: one window holding the workbench. Started by {@link WorkbenchLauncher}. */
public final class App extends Application {

    private static volatile Path initialStudy;

    private ExecutorBackgroundTasks tasks;
    private Workbench workbench;

    static void setInitialStudy(Path study) {
        initialStudy = study;
    }

    @Override
    public void start(Stage stage) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "medfed-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
        ChartWarmUp.start();
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
