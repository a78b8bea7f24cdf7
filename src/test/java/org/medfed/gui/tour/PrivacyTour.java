package org.medfed.gui.tour;

import static org.medfed.gui.tour.ScreenshotTour.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.medfed.gui.Workbench;
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
        TourWindow window = TourWindow.open(study, w -> { });
        Workbench wb = window.workbench();
        Stage stage = window.stage();
        Thread.sleep(4000);
        window.shoot(Screen.PARTICIPANTS, out.resolve("participants.png"));
        window.shoot(Screen.ALGORITHM, out.resolve("algorithm-top.png"));
        onFx(() -> {
            for (Node n : stage.getScene().getRoot().lookupAll(".scroll-pane")) {
                if (n instanceof ScrollPane s && s.isVisible() && s.lookup("#protections") != null) {
                    s.setVvalue(1.0);
                }
            }
            return null;
        });
        Thread.sleep(600);
        window.snapshot(out.resolve("algorithm-protections.png"));
        window.shoot(Screen.RUN, out.resolve("run-before.png"));
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
            window.shoot(Screen.RUN, out.resolve("run-" + tab + ".png"));
        }
        System.out.println("privacy tour screenshots in " + out);
        System.exit(0);
    }
}
