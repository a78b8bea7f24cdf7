package org.medfed.gui.tour;

import static org.medfed.gui.tour.ScreenshotTour.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.medfed.gui.Workbench;
import org.medfed.gui.genotypes.AssociationRunViewModel;
import org.medfed.gui.shell.Screen;

/**
 * For looking at an association study's Results screen under Xvfb after a run (the table, the plots and the
 * export and report buttons). {@code xvfb-run java ... GenotypesTour STUDY.json OUT_DIR}; point it at a copy of
 * the genotype sample study, since the run writes into the study's runs folder.
 */
public final class GenotypesTour {

    private GenotypesTour() {
    }

    public static void main(String[] args) throws Exception {
        Path study = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args.length > 1 ? args[1] : "target/genotypes-tour").toAbsolutePath();
        Files.createDirectories(out);
        TourWindow window = TourWindow.open(study, w -> w.shell().screenProperty().set(Screen.RUN));
        Workbench wb = window.workbench();
        Stage stage = window.stage();
        Thread.sleep(3000);
        onFx(() -> {
            wb.associationRun().start();
            return null;
        });
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline
                && onFx(() -> wb.associationRun().phaseProperty().get()) != AssociationRunViewModel.Phase.DONE) {
            Thread.sleep(500);
        }
        TourWindow.snapshot(stage.getScene(), out.resolve("association-run.png"));
        onFx(() -> {
            wb.shell().screenProperty().set(Screen.RESULTS);
            return null;
        });
        Thread.sleep(3000);
        TourWindow.snapshot(stage.getScene(), out.resolve("association-results.png"));
        onFx(() -> {
            stage.close();
            return null;
        });
        System.exit(0);
    }
}
