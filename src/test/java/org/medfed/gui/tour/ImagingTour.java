package org.medfed.gui.tour;

import static org.medfed.gui.tour.ScreenshotTour.onFx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.medfed.gui.Workbench;
import org.medfed.gui.shell.Screen;

/**
 * For looking at the imaging screens of a study under Xvfb: the chosen hospital's thumbnails, the viewer opened on
 * one of them, the imaging Task form, and after a run the Results with the masks (a segmentation study).
 * {@code xvfb-run java ... ImagingTour STUDY.json OUT_DIR [RUN_SECONDS]}; point it at a copy of a study.
 */
public final class ImagingTour {

    private ImagingTour() {
    }

    public static void main(String[] args) throws Exception {
        Path study = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args.length > 1 ? args[1] : "target/imaging-tour").toAbsolutePath();
        int runSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Files.createDirectories(out);
        TourWindow window = TourWindow.open(study, w -> {
            w.shell().screenProperty().set(Screen.PARTICIPANTS);
            w.participants().selectedProperty().set(1);
        });
        Workbench wb = window.workbench();
        Stage stage = window.stage();
        Thread.sleep(5000);
        TourWindow.snapshot(stage.getScene(), out.resolve("participants-images.png"));
        onFx(() -> {
            Node tile = stage.getScene().getRoot().lookupAll(".thumbnail").iterator().next();
            tile.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0,
                    javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true,
                    false, false, null));
            return null;
        });
        Thread.sleep(2500);
        Scene viewer = onFx(() -> Window.getWindows().stream().filter(w -> w != stage).findFirst()
                .map(Window::getScene).orElseThrow());
        TourWindow.snapshot(viewer, out.resolve("viewer.png"));
        onFx(() -> {
            wb.imageFolder().viewer().widthProperty().set(wb.imageFolder().viewer().widthProperty().get() / 3);
            return null;
        });
        Thread.sleep(800);
        TourWindow.snapshot(viewer, out.resolve("viewer-narrow-window.png"));
        onFx(() -> {
            wb.shell().screenProperty().set(Screen.TASK);
            return null;
        });
        Thread.sleep(1000);
        TourWindow.snapshot(stage.getScene(), out.resolve("task.png"));
        if (runSeconds > 0) {
            onFx(() -> {
                wb.shell().screenProperty().set(Screen.RUN);
                wb.run().compareWithBaselinesProperty().set(false); // the masks need the federated model only
                wb.run().start();
                return null;
            });
            // until the run ends, at most runSeconds
            long deadline = System.currentTimeMillis() + runSeconds * 1000L;
            while (System.currentTimeMillis() < deadline && onFx(() -> wb.run().resultProperty().get()) == null) {
                Thread.sleep(1000);
            }
            onFx(() -> {
                wb.shell().screenProperty().set(Screen.RESULTS);
                return null;
            });
            Thread.sleep(4000);
            TourWindow.snapshot(stage.getScene(), out.resolve("results.png"));
            onFx(() -> {
                // scrolled down to the masks, as a person would
                javafx.scene.control.ScrollPane sp = (javafx.scene.control.ScrollPane) wb.resultsView().root();
                sp.setVvalue(0.6);
                return null;
            });
            Thread.sleep(1000);
            TourWindow.snapshot(stage.getScene(), out.resolve("results-scrolled.png"));
            BufferedImage masks = onFx(() -> {
                Node n = stage.getScene().getRoot().lookup("#masks");
                return SwingFXUtils.fromFXImage(n.snapshot(null, null), null);
            });
            ImageIO.write(masks, "png", out.resolve("results-masks.png").toFile());
        }
        System.out.println("imaging tour screenshots in " + out);
        System.exit(0);
    }
}
