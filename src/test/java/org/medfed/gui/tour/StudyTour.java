package org.medfed.gui.tour;

import static org.medfed.gui.tour.ScreenshotTour.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.medfed.gui.Workbench;
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
        TourWindow window = TourWindow.open(study, w -> { });
        Workbench wb = window.workbench();
        Stage stage = window.stage();
        Thread.sleep(4000);
        for (Screen s : Screen.values()) {
            window.shoot(s, out.resolve("before-" + s.name().toLowerCase(java.util.Locale.ROOT) + ".png"));
        }
        onFx(() -> {
            wb.shell().screenProperty().set(Screen.RUN);
            wb.startRun();
            return null;
        });
        Thread.sleep(runSeconds * 1000L);
        window.shoot(Screen.RUN, out.resolve("after-run.png"));
        window.shoot(Screen.RESULTS, out.resolve("after-results.png"));
        if (wb.associationResults().resultProperty().get() != null) {
            // an association study: click its strongest variant on the Manhattan plot, as a person would
            onFx(() -> {
                javafx.scene.Node screen = stage.getScene().getRoot();
                org.medfed.gui.genotypes.ManhattanClicks.click(screen,
                        org.medfed.gui.genotypes.ManhattanClicks.strongestPoint(screen, wb.associationResults()));
                return null;
            });
            window.shoot(Screen.RESULTS, out.resolve("after-results-clicked.png"));
        }
        new ProcessBuilder("import", "-window", "root", out.resolve("root.png").toString()).inheritIO().start().waitFor();
        System.out.println("tour screenshots in " + out);
        System.exit(0);
    }
}
