package org.medfed.gui.tour;

import static org.medfed.gui.tour.ScreenshotTour.onFx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
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
 * For looking at the privacy and defence parts of the workbench under Xvfb: the Algorithm screen scrolled to
 * "Privacy and defences", the Participants screen with its attack column, and each of the Run screen's lower tabs
 * after a run. {@code xvfb-run java ... PrivacyTour STUDY.json OUT_DIR [RUN_SECONDS]}; point it at a copy.
 */
public final class PrivacyTour {

    private PrivacyTour() {
    }

    public static void main(String[] args) throws Exception {
        Path study = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args.length > 1 ? args[1] : "target/privacy-tour").toAbsolutePath();
        int runSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
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
            stage[0].show();
            w.shell().open(study);
            return w;
        });
        Thread.sleep(4000);
        shoot(wb, stage[0], Screen.PARTICIPANTS, out.resolve("participants.png"));
        shoot(wb, stage[0], Screen.ALGORITHM, out.resolve("algorithm-top.png"));
        onFx(() -> {
            for (Node n : stage[0].getScene().getRoot().lookupAll(".scroll-pane")) {
                if (n instanceof ScrollPane s && s.isVisible() && s.lookup("#protections") != null) {
                    s.setVvalue(1.0);
                }
            }
            return null;
        });
        Thread.sleep(600);
        snapshot(stage[0], out.resolve("algorithm-protections.png"));
        shoot(wb, stage[0], Screen.RUN, out.resolve("run-before.png"));
        onFx(() -> {
            wb.run().compareWithBaselinesProperty().set(false);
            wb.run().start();
            return null;
        });
        Thread.sleep(runSeconds * 1000L);
        for (String tab : new String[] {"tab-hospitals", "tab-epsilon", "tab-verdicts", "tab-costs"}) {
            onFx(() -> {
                wb.runView().showLowerTab(tab);
                return null;
            });
            shoot(wb, stage[0], Screen.RUN, out.resolve("run-" + tab + ".png"));
        }
        System.out.println("privacy tour screenshots in " + out);
        System.exit(0);
    }

    private static void shoot(Workbench wb, Stage stage, Screen screen, Path file) throws Exception {
        onFx(() -> {
            wb.shell().screenProperty().set(screen);
            return null;
        });
        Thread.sleep(1200);
        snapshot(stage, file);
    }

    private static void snapshot(Stage stage, Path file) throws Exception {
        BufferedImage image = onFx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        ImageIO.write(image, "png", file.toFile());
    }
}
