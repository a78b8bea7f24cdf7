package org.medfed.gui.tour;

import static org.medfed.gui.tour.ScreenshotTour.onFx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
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

/**
 * For looking at every screen of one study under Xvfb, before and after a run:
 * {@code xvfb-run java ... StudyTour STUDY.json OUT_DIR [RUN_SECONDS]}. Not part of the documentation; point it at a
 * copy of a study, since a run adds to the study's history.
 */
public final class StudyTour {

    private StudyTour() {
    }

    public static void main(String[] args) throws Exception {
        Path study = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args.length > 1 ? args[1] : "target/study-tour").toAbsolutePath();
        int runSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Files.createDirectories(out);
        System.setProperty("medfed.home", Files.createTempDirectory("medfed-tour-home").toString());
        Platform.startup(() -> { });
        ExecutorBackgroundTasks tasks = new ExecutorBackgroundTasks(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tour-worker");
            t.setDaemon(true);
            return t;
        }), Platform::runLater);
        Stage[] stage = new Stage[1];
        Workbench wb = onFx(() -> {
            stage[0] = new Stage();
            Workbench w = new Workbench(tasks, new FxUserDialogs(() -> stage[0]), RecentStudies.inHome(),
                    SampleStudies.list(), new RunHistoryStore(), Platform::exit);
            stage[0].setScene(new Scene(w.root(), 1360, 860));
            stage[0].titleProperty().bind(w.shell().titleProperty());
            stage[0].show();
            w.shell().open(study);
            return w;
        });
        Thread.sleep(4000);
        for (Screen s : Screen.values()) {
            shoot(wb, stage[0], s, out.resolve("before-" + s.name().toLowerCase(java.util.Locale.ROOT) + ".png"));
        }
        onFx(() -> {
            wb.shell().screenProperty().set(Screen.RUN);
            wb.startRun();
            return null;
        });
        Thread.sleep(runSeconds * 1000L);
        shoot(wb, stage[0], Screen.RUN, out.resolve("after-run.png"));
        if (System.getProperty("diag") != null) {
            System.out.println(onFx(() -> (String) Class.forName("org.medfed.gui.run.ChartDiag")
                    .getMethod("describe", org.medfed.gui.run.RunView.class).invoke(null, wb.runView())));
        }
        shoot(wb, stage[0], Screen.RESULTS, out.resolve("after-results.png"));
        if (wb.associationResults().resultProperty().get() != null) {
            // an association study: click its strongest variant on the Manhattan plot, as a person would
            onFx(() -> {
                javafx.scene.Node screen = stage[0].getScene().getRoot();
                org.medfed.gui.genotypes.ManhattanClicks.click(screen,
                        org.medfed.gui.genotypes.ManhattanClicks.strongestPoint(screen, wb.associationResults()));
                return null;
            });
            shoot(wb, stage[0], Screen.RESULTS, out.resolve("after-results-clicked.png"));
        }
        new ProcessBuilder("import", "-window", "root", out.resolve("root.png").toString()).inheritIO().start().waitFor();
        System.out.println("tour screenshots in " + out);
        System.exit(0);
    }

    private static void shoot(Workbench wb, Stage stage, Screen screen, Path file) throws Exception {
        onFx(() -> {
            wb.shell().screenProperty().set(screen);
            return null;
        });
        Thread.sleep(1200);
        BufferedImage image = onFx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        ImageIO.write(image, "png", file.toFile());
    }
}
