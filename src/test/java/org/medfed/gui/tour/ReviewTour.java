package org.medfed.gui.tour;

import static org.medfed.gui.tour.ScreenshotTour.onFx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.medfed.engine.BadInputException;
import org.medfed.gui.Workbench;
import org.medfed.gui.common.ExecutorBackgroundTasks;
import org.medfed.gui.common.FxUserDialogs;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.SampleStudies;
import org.medfed.gui.results.RunHistoryStore;
import org.medfed.gui.shell.Screen;
import org.medfed.testsupport.TestWorkers;

/**
 * For looking at the screens a person sees when something is wrong (a new study with a broken file and no label
 * yet, the error dialog), under Xvfb: {@code xvfb-run java ... ReviewTour OUT_DIR}. Not part of the documentation.
 */
public final class ReviewTour {

    private ReviewTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/review").toAbsolutePath();
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("medfed-review");
        System.setProperty("medfed.home", work.resolve("home").toString());
        Path data = SampleStudies.locateFolder().orElseThrow().resolve("heart-4-hospitals/data");
        Path broken = Files.writeString(work.resolve("st-marys.csv"),
                "age,sex,systolic_bp,cholesterol,bmi,smoker,diabetes,chest_pain,disease\n50,M,120,5.0,25,no,0,typical,1\n61,F,abc\n");
        Platform.startup(() -> { });
        ExecutorBackgroundTasks tasks = new ExecutorBackgroundTasks(TestWorkers.shared(), Platform::runLater);
        Stage[] stage = new Stage[1];
        FxUserDialogs[] dialogs = new FxUserDialogs[1];
        Workbench wb = onFx(() -> {
            stage[0] = new Stage();
            dialogs[0] = new FxUserDialogs(() -> stage[0]);
            Workbench w = new Workbench(tasks, dialogs[0], RecentStudies.inHome(), SampleStudies.list(),
                    new RunHistoryStore(), Platform::exit);
            stage[0].setScene(new Scene(w.root(), 1360, 860));
            stage[0].titleProperty().bind(w.shell().titleProperty());
            stage[0].show();
            w.shell().newStudy();
            w.participants().addHospitals(List.of(data.resolve("city-general.csv"), data.resolve("rural-clinic.csv"), broken));
            return w;
        });
        Thread.sleep(2500);
        shoot(wb, stage[0], Screen.PARTICIPANTS, out.resolve("new-study-participants.png"));
        shoot(wb, stage[0], Screen.TASK, out.resolve("new-study-task.png"));
        shoot(wb, stage[0], Screen.RUN, out.resolve("new-study-run.png"));
        onFx(() -> {
            wb.task().labelProperty().set("disease");
            return null;
        });
        Thread.sleep(1500);
        shoot(wb, stage[0], Screen.PARTICIPANTS, out.resolve("new-study-participants-labelled.png"));
        Platform.runLater(() -> dialogs[0].showError("The run could not start",
                new BadInputException(broken, "line 3", "2 fields where 9 were expected (from the header)")));
        Thread.sleep(2000);
        new ProcessBuilder("import", "-window", "root", out.resolve("error-dialog.png").toString()).inheritIO().start().waitFor();
        Platform.runLater(() -> { });
        System.out.println("review screenshots in " + out);
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
