package org.medfed.gui.tour;

import static org.medfed.gui.tour.ScreenshotTour.onFx;
import static org.medfed.gui.tour.ScreenshotTour.onFxQuiet;
import static org.medfed.gui.tour.ScreenshotTour.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.medfed.testsupport.TestWorkers;
import org.medfed.gui.Workbench;
import org.medfed.gui.common.ExecutorBackgroundTasks;
import org.medfed.gui.common.FxUserDialogs;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.SampleStudies;
import org.medfed.gui.results.RunHistoryStore;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.shell.Screen;

/**
 * For looking, under Xvfb, at what a person meets around a run and the study's edits: a removed hospital with its
 * Undo, a paused and a stopped run, the guided tour's band, F1's help window, the question before closing during
 * a run and About. {@code xvfb-run -a -s "-screen 0 1400x900x24" java ... RoughEdgesTour OUT_DIR}; the whole
 * screen is taken (dialogs are windows of their own). Not part of the documentation.
 */
public final class RoughEdgesTour {

    private RoughEdgesTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/rough-edges").toAbsolutePath();
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("medfed-rough");
        System.setProperty("medfed.home", work.resolve("home").toString());
        Path study = org.medfed.gui.testing.Samples.copy(work, 400, 20);
        Platform.startup(() -> { });
        ExecutorBackgroundTasks tasks = new ExecutorBackgroundTasks(TestWorkers.shared(), Platform::runLater);
        Stage[] stage = new Stage[1];
        Workbench wb = onFx(() -> {
            stage[0] = new Stage();
            Workbench w = new Workbench(tasks, new FxUserDialogs(() -> stage[0]), RecentStudies.inHome(),
                    SampleStudies.list(), new RunHistoryStore(), Platform::exit);
            stage[0].setScene(new Scene(w.root(), 1360, 860));
            stage[0].titleProperty().bind(w.shell().titleProperty());
            stage[0].setOnCloseRequest(e -> {
                if (!w.shell().requestClose()) {
                    e.consume();
                }
            });
            stage[0].show();
            w.open(study);
            return w;
        });
        waitFor("data checked", () -> onFxQuiet(() -> wb.participants().schemaStatusProperty().get().startsWith("✔")));
        onFx(() -> {
            wb.participants().selectedProperty().set(1);
            wb.participants().remove(1);
            return null;
        });
        screen(wb, Screen.PARTICIPANTS, out.resolve("removed-with-undo.png"));
        onFx(() -> wb.document().undo());
        onFx(() -> {
            wb.shell().screenProperty().set(Screen.RUN);
            wb.run().compareWithBaselinesProperty().set(false);
            wb.run().start();
            return null;
        });
        screen(wb, Screen.RUN, out.resolve("run-first-round.png"));
        waitFor("a few rounds", () -> onFxQuiet(() -> wb.run().points().size() >= 3));
        onFx(() -> {
            wb.run().pause();
            return null;
        });
        screen(wb, Screen.RUN, out.resolve("run-paused.png"));
        onFx(() -> {
            wb.run().stop();
            return null;
        });
        waitFor("stopped", () -> onFxQuiet(() -> wb.run().phaseProperty().get() == RunViewModel.Phase.STOPPED));
        screen(wb, Screen.RUN, out.resolve("run-stopped.png"));
        onFx(() -> {
            wb.run().start();
            return null;
        });
        waitFor("running again", () -> onFxQuiet(() -> wb.run().points().size() >= 2));
        Platform.runLater(() -> wb.shell().requestClose());
        screen(wb, Screen.RUN, out.resolve("close-during-run.png"));
        onFx(() -> { // the question's answer: keep running
            for (javafx.stage.Window w : javafx.stage.Window.getWindows().toArray(javafx.stage.Window[]::new)) {
                if (w != stage[0] && w instanceof Stage dialog) {
                    dialog.close();
                }
            }
            return null;
        });
        onFx(() -> {
            wb.run().stop();
            return null;
        });
        waitFor("stopped again", () -> onFxQuiet(() -> !wb.run().isActive()));
        onFx(() -> {
            wb.help().startTour();
            return null;
        });
        screen(wb, Screen.PARTICIPANTS, out.resolve("tour-step-1.png"));
        onFx(() -> {
            wb.help().helpForScreen();
            return null;
        });
        screen(wb, Screen.PARTICIPANTS, out.resolve("help-window.png"));
        Platform.runLater(() -> wb.help().about());
        screen(wb, Screen.PARTICIPANTS, out.resolve("about.png"));
        System.out.println("screenshots in " + out);
        System.exit(0);
    }

    /** The whole X screen, with the dialogs and windows on it. */
    private static void screen(Workbench wb, Screen screen, Path file) throws Exception {
        Platform.runLater(() -> wb.shell().screenProperty().set(screen));
        Thread.sleep(4000); // the machine is shared: let layout, charts and CSS settle
        new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start().waitFor();
        System.out.println("  " + file.getFileName());
    }
}
