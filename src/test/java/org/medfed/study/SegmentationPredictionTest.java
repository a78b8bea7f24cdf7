package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.io.OutputFolder;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.TestWorkers;

/**
 * An exported segmentation model applied to a hospital's images writes a mask per image at the image's own size,
 * which overlaps the true mask about as well as the run measured at the model's size.
 */
class SegmentationPredictionTest {

    private static final Path STUDY = Path.of("sample-projects/phantom-4-hospitals/study-segmentation.json");
    private static final Path HOSPITAL_D = Path.of("sample-projects/phantom-4-hospitals/data/hospital-d");

    @TempDir
    Path tmp;

    @Test
    void masksAtTheImagesOwnSizeMatchTheTrueMasks() throws Exception {
        Study study = StudyFile.load(STUDY);
        PreparedStudy prepared = PreparedStudy.prepare(study, STUDY);
        StudyResult result = StudyRunner.run(TestWorkers.shared(), prepared, RunOptions.defaults(), RunListener.NONE,
                RunControl.free(), m -> { });
        Path model = tmp.resolve("model");
        RunOutputs.exportModel(result, ResultStatistics.of(result), model);

        Path out = tmp.resolve("d.csv");
        Prediction.Summary summary = Prediction.predictFile(model, HOSPITAL_D.resolve("images"), null, out);

        assertThat(summary.predicted()).isEqualTo(40);
        Path masks = tmp.resolve("d-masks");
        assertThat(summary.describe()).contains("the masks are in " + masks);
        assertThat(OutputFolder.isFinished(masks)).isTrue();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("file,mask,foreground_pixels,foreground_share,note");
        double iouSum = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            BufferedImage predicted = ImageIO.read(tmp.resolve(cells[1]).toFile());
            String stem = Path.of(cells[0]).getFileName().toString().replace(".dcm", "");
            BufferedImage truth = ImageIO.read(HOSPITAL_D.resolve("masks").resolve(stem + ".png").toFile());
            // the image's own size (hospital-d's scanner: not the model's 48 x 48), and only 0 or 255
            assertThat(predicted.getWidth()).isEqualTo(truth.getWidth());
            assertThat(predicted.getHeight()).isEqualTo(truth.getHeight());
            int on = 0;
            int both = 0;
            int either = 0;
            for (int y = 0; y < truth.getHeight(); y++) {
                for (int x = 0; x < truth.getWidth(); x++) {
                    int p = predicted.getRaster().getSample(x, y, 0);
                    assertThat(p).isIn(0, 255);
                    boolean inPredicted = p == 255;
                    boolean inTruth = truth.getRaster().getSample(x, y, 0) > 0;
                    on += inPredicted ? 1 : 0;
                    both += inPredicted && inTruth ? 1 : 0;
                    either += inPredicted || inTruth ? 1 : 0;
                }
            }
            assertThat(Integer.parseInt(cells[2])).as(cells[0]).isEqualTo(on);
            iouSum += either == 0 ? 1 : (double) both / either; // SegmentationMetrics' convention for two empty masks
        }
        double runIou = result.history().lastRound().orElseThrow().test().get("hospital-d").metric("iou");
        // over all 40 images (its training ones too) at the images' size, against the run's on its test images at 48 x 48
        assertThat(iouSum / 40).isGreaterThan(runIou - 0.15);

        // again into the same file: the earlier masks are replaced whole
        Prediction.predictFile(model, HOSPITAL_D.resolve("images/lesion"), null, out);
        long lesions;
        try (var list = Files.list(HOSPITAL_D.resolve("images/lesion"))) {
            lesions = list.count();
        }
        assertThat(Files.readAllLines(out)).hasSize((int) lesions + 1);
        assertThat(masks.resolve("no-lesion")).doesNotExist();
        assertThat(OutputFolder.isFinished(masks)).isTrue();
        // a folder another command finished is never taken for a prediction's masks
        try (OutputFolder run = OutputFolder.claim(tmp.resolve("run-masks"), "run", OutputFolder.Mode.NEW, List.of())) {
            run.finish();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Prediction.predictFile(model,
                HOSPITAL_D.resolve("images"), null, tmp.resolve("run.csv")))
                .isInstanceOf(org.medfed.engine.BadInputException.class)
                .hasMessageContaining("run-masks").hasMessageContaining("holds the finished output of 'run'");
        assertThat(tmp.resolve("run-masks")).isDirectory();
    }
}
