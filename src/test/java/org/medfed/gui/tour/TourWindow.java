package org.medfed.gui.tour;

import static org.medfed.gui.tour.ScreenshotTour.onFx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.medfed.gui.Workbench;
import org.medfed.gui.common.ExecutorBackgroundTasks;
import org.medfed.gui.common.FxUserDialogs;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.SampleStudies;
import org.medfed.gui.results.RunHistoryStore;
import org.medfed.gui.shell.Screen;
import org.medfed.testsupport.TestWorkers;

/**
 * The real workbench in a window, as the tours use it: started with its own home folder (so that recent studies
 * and history stay out of the user's), a study opened, and pictures of its screens.
 */
record TourWindow(Workbench workbench, Stage stage) {

    /** Starts JavaFX, opens the workbench on {@code study}, then runs {@code then} on the FX thread. */
    static TourWindow open(Path study, Consumer<Workbench> then) throws Exception {
        System.setProperty("medfed.home", Files.createTempDirectory("medfed-tour-home").toString());
        Platform.startup(() -> { });
        ExecutorBackgroundTasks tasks = new ExecutorBackgroundTasks(TestWorkers.shared(), Platform::runLater);
        return onFx(() -> {
            Stage stage = new Stage();
            Workbench w = new Workbench(tasks, new FxUserDialogs(() -> stage), RecentStudies.inHome(),
                    SampleStudies.list(), new RunHistoryStore(), Platform::exit);
            stage.setScene(new Scene(w.root(), 1360, 860));
            stage.titleProperty().bind(w.shell().titleProperty());
            stage.show();
            w.shell().open(study);
            then.accept(w);
            return new TourWindow(w, stage);
        });
    }

    /** Goes to {@code screen}, lets it settle, and saves a picture of the window. */
    void shoot(Screen screen, Path file) throws Exception {
        onFx(() -> {
            workbench.shell().screenProperty().set(screen);
            return null;
        });
        Thread.sleep(1200);
        snapshot(file);
    }

    void snapshot(Path file) throws Exception {
        snapshot(stage.getScene(), file);
    }

    static void snapshot(Scene scene, Path file) throws Exception {
        BufferedImage image = onFx(() -> SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        ImageIO.write(image, "png", file.toFile());
    }
}
