package org.medfed.gui.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.shell.Screen;
import org.medfed.gui.testing.FxWorkbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ImagingScreensFxTest {

    @TempDir
    Path dir;
    private FxWorkbench app;

    @Start
    void start(Stage stage) {
        app = new FxWorkbench(stage, dir);
    }

    @AfterEach
    void close() {
        app.close();
        fx(() -> {
            Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                    && s.getTitle().startsWith("Image viewer")).toList().forEach(Window::hide);
            return null;
        });
    }

    /** A copy of the phantom sample, so that saves and run history stay in the test's folder. */
    private Path sample(String studyFile) throws IOException {
        Path target = dir.resolve("phantom");
        try (Stream<Path> files = Files.walk(ImagingFixtures.SAMPLE)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(ImagingFixtures.SAMPLE.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return target.resolve(studyFile);
    }

    /** Visible, with every parent visible. */
    private static boolean shown(Node n) {
        return fx(() -> {
            for (Node x = n; x != null; x = x.getParent()) {
                if (!x.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static int thumbnailCount(FxRobot robot) {
        return fx(() -> robot.lookup(".thumbnail").queryAll().size());
    }

    @Test
    void showsTheChosenHospitalsImagesAndOpensOneInTheViewer(FxRobot robot) throws IOException {
        Path study = sample("study.json");
        robot.interact(() -> app.workbench.open(study));
        FxWorkbench.goTo(robot, Screen.PARTICIPANTS);
        await(() -> !app.workbench.imageFolder().runningProperty().get()
                && app.workbench.imageFolder().thumbnails().size() == 40);
        assertThat(robot.lookup("#imaging-title").queryAs(Labeled.class).getText()).startsWith("hospital-a: ");
        assertThat(robot.lookup("#imaging-status").queryAs(Labeled.class).getText()).isEqualTo("40 images in 2 classes");
        assertThat(fx(() -> robot.lookup("#imaging-counts").queryAs(Pane.class).getChildren().stream()
                .map(n -> ((Labeled) n).getText()).toList())).containsExactly("lesion: 20", "no-lesion: 20");
        assertThat(thumbnailCount(robot)).isEqualTo(40);
        // the hospitals table shows every hospital's counts, read from the headers
        await(() -> "lesion 14 · no-lesion 26".equals(app.workbench.participants().rows().get(1).balanceProperty().get()));

        FxWorkbench.choose(robot, "#imaging-class-filter", "no-lesion");
        assertThat(thumbnailCount(robot)).isEqualTo(20);

        robot.clickOn("hospital-b");
        await(() -> app.workbench.imageFolder().titleProperty().get().startsWith("hospital-b")
                && !app.workbench.imageFolder().runningProperty().get());
        assertThat(thumbnailCount(robot)).isEqualTo(40);

        robot.clickOn(robot.lookup(".thumbnail").<Node>query());
        await(() -> app.workbench.imageFolder().viewer().pictureProperty().get() != null);
        TableView<ImageViewerViewModel.TagRow> tags = robot.lookup("#viewer-tags").queryTableView();
        assertThat(tags.getItems()).extracting(ImageViewerViewModel.TagRow::name).contains("Modality", "Transfer syntax");
        double fileWidth = fx(() -> app.workbench.imageFolder().viewer().widthProperty().get());
        robot.doubleClickOn("#viewer-width").write("100").type(KeyCode.ENTER);
        assertThat(fx(() -> app.workbench.imageFolder().viewer().widthProperty().get())).isEqualTo(100.0);
        robot.clickOn("#viewer-reset");
        assertThat(fx(() -> app.workbench.imageFolder().viewer().widthProperty().get())).isEqualTo(fileWidth);
    }

    @Test
    void theTaskScreenOfAnImageStudyChecksAsYouType(FxRobot robot) throws IOException {
        Path study = sample("study.json");
        robot.interact(() -> app.workbench.open(study));
        FxWorkbench.goTo(robot, Screen.TASK);
        assertThat(robot.lookup("#imaging-task").queryAs(ComboBox.class).getValue()).isEqualTo("classification");
        // click, go to the end, erase "48", type: the same keys whatever the click selected
        robot.clickOn("#field-height").type(KeyCode.END).eraseText(2).write("4");
        assertThat(robot.lookup("#error-height").queryAs(Labeled.class).getText())
                .isEqualTo("The input height must be from 8 up to 512");
        assertThat(robot.lookup("#status-ready").queryAs(Labeled.class).getText()).startsWith("To do before running");
        robot.write("8");
        assertThat(fx(() -> app.workbench.document().study().imaging().size())).containsExactly(48, 48);
        robot.eraseText(2).write("64");
        assertThat(fx(() -> app.workbench.document().study().imaging().size())).containsExactly(64, 48);
        assertThat(robot.lookup("#status-ready").queryAs(Labeled.class).getText()).startsWith("✔");
        // the model's batch normalisation, for FedBN: a box under Model
        robot.clickOn("#imaging-batch-norm");
        assertThat(fx(() -> app.workbench.document().study().model().hasBatchNorm())).isTrue();
    }

    @Test
    void theResultsOfASegmentationShowTrueAndPredictedMasks(FxRobot robot) throws IOException {
        Path study = sample("study-segmentation.json");
        robot.interact(() -> app.workbench.open(study));
        var result = ImagingFixtures.untrainedSegmentation();
        robot.interact(() -> app.workbench.results().show(result));
        FxWorkbench.goTo(robot, Screen.RESULTS);
        await(() -> app.workbench.masks().pairs().size() == MaskComparisonViewModel.IMAGES);
        assertThat(robot.lookup("#masks").query().isVisible()).isTrue();
        assertThat(fx(() -> robot.lookup("#masks-pairs").queryAs(Pane.class).getChildren())).hasSize(6);
        // a segmentation is measured by Dice, and has no confusion matrix or ROC curve
        assertThat(fx(() -> app.workbench.results().metricProperty().get())).isEqualTo("dice");
        assertThat(shown(robot.lookup("#results-confusion").query())).isFalse();
        FxWorkbench.choose(robot, "#masks-hospital", "hospital-d");
        await(() -> app.workbench.masks().statusProperty().get().contains("hospital-d's test images"));
    }
}
