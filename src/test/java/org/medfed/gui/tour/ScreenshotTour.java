package org.medfed.gui.tour;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.medfed.concurrency.Workers;
import org.medfed.gui.Workbench;
import org.medfed.gui.common.ExecutorBackgroundTasks;
import org.medfed.gui.common.FxUserDialogs;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.SampleStudies;
import org.medfed.gui.results.RunHistoryStore;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.shell.Screen;

/**
 * Walks through the real workbench as a person would (open the sample, look at each screen, run it, read the
 * results) and saves a PNG of each screen: the pictures in docs/screenshots. Run it with
 * {@code scripts/screenshots.sh}, under Xvfb for the real GTK look. Works on a copy of the sample, so that its run
 * history does not land in the project.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("medfed-tour");
        Path sampleDir = SampleStudies.locateFolder().orElseThrow(() -> new IllegalStateException("no sample-projects folder"))
                .resolve(SampleStudies.DEFAULT_SAMPLE);
        copy(sampleDir, work.resolve(SampleStudies.DEFAULT_SAMPLE));
        Path study = work.resolve(SampleStudies.DEFAULT_SAMPLE).resolve("study.json");
        System.setProperty("medfed.home", work.resolve("home").toString());

        Platform.startup(() -> { });
        var workers = new Workers();
        ExecutorBackgroundTasks tasks = new ExecutorBackgroundTasks(workers, Platform::runLater);
        Stage[] stage = new Stage[1];
        Workbench wb = onFx(() -> {
            stage[0] = new Stage();
            Workbench w = new Workbench(tasks, new FxUserDialogs(() -> stage[0]), RecentStudies.inHome(),
                    SampleStudies.list(), new RunHistoryStore(), Platform::exit);
            stage[0].setScene(new Scene(w.root(), 1360, 860));
            stage[0].titleProperty().bind(w.shell().titleProperty());
            stage[0].show();
            return w;
        });
        // "multisite": only the screens of hospitals behind nodes (RemoteTour), when those are what changed
        boolean all = args.length < 2 || !args[1].equals("multisite");
        if (all) {
            simulation(wb, stage[0], study, out);
        }
        RemoteTour.shoot(wb, stage[0], study, work, out);
        System.out.println("screenshots written to " + out);
        tasks.shutdown();
        workers.close();
        Platform.exit();
        System.exit(0);
    }

    /** The screens of the sample study simulated on this machine. */
    private static void simulation(Workbench wb, Stage stage, Path study, Path out) throws Exception {
        onFx(() -> wb.open(study));
        waitFor("data read and checked", () -> onFxQuiet(() -> wb.participants().schemaStatusProperty().get().startsWith("✔")));
        shoot(wb, stage, Screen.PARTICIPANTS, out.resolve("participants.png"));
        shoot(wb, stage, Screen.TASK, out.resolve("task-and-model.png"));
        shoot(wb, stage, Screen.ALGORITHM, out.resolve("algorithm.png"));
        onFx(() -> {
            wb.algorithm().learningRate().textProperty().set("0");
            return null;
        });
        shoot(wb, stage, Screen.ALGORITHM, out.resolve("algorithm-invalid-parameter.png"));
        onFx(() -> {
            wb.algorithm().learningRate().textProperty().set("0.05");
            wb.shell().screenProperty().set(Screen.RUN);
            wb.run().start();
            return null;
        });
        waitFor("run finished", () -> onFxQuiet(() -> wb.run().phaseProperty().get() == RunViewModel.Phase.FINISHED));
        shoot(wb, stage, Screen.RUN, out.resolve("run.png"));
        waitFor("results ready", () -> onFxQuiet(() -> wb.results().predictionsProperty().get() != null
                && !wb.results().runs().isEmpty()));
        shoot(wb, stage, Screen.RESULTS, out.resolve("results.png"));
        shoot(wb, stage, Screen.START, out.resolve("start.png"));
        onFx(() -> { // the teachers' tour: it opens the sample itself (the copy has nothing unsaved to ask about)
            wb.help().startTour();
            return null;
        });
        shoot(wb, stage, wb.help().steps().get(0).screen(), out.resolve("guided-tour.png"));
        onFx(() -> {
            wb.help().endTour();
            return null;
        });
    }

    static void shoot(Workbench wb, Stage stage, Screen screen, Path file) throws Exception {
        onFx(() -> {
            wb.shell().screenProperty().set(screen);
            return null;
        });
        Thread.sleep(3000); // let layout, charts and CSS settle for a picture a person would see (the machine may be shared)
        BufferedImage image = onFx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        ImageIO.write(image, "png", file.toFile());
        System.out.println("  " + file.getFileName());
    }

    /** The dialog open over the workbench's window, as a picture. */
    static void shootDialog(Stage stage, Path file) throws Exception {
        Thread.sleep(1200);
        BufferedImage image = onFx(() -> {
            javafx.stage.Window dialog = javafx.stage.Window.getWindows().stream()
                    .filter(w -> w != stage && w.isShowing()).reduce((a, b) -> b).orElseThrow();
            return SwingFXUtils.fromFXImage(dialog.getScene().snapshot(null), null);
        });
        ImageIO.write(image, "png", file.toFile());
        System.out.println("  " + file.getFileName());
    }

    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }

    static <T> T onFx(Callable<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    static boolean onFxQuiet(Callable<Boolean> action) {
        try {
            return onFx(action);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    if (!p.getFileName().toString().endsWith(".runs")) {
                        Files.createDirectories(target);
                    }
                } else if (Files.isDirectory(target.getParent())) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
