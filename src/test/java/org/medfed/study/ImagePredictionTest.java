package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.TrainTestSplit;
import org.medfed.data.image.ImageDataset;
import org.medfed.data.image.ImageDatasetLoader;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.project.ImagingSection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.TestWorkers;

/**
 * An exported image classifier applied to a hospital's folder of images predicts its test images exactly as the run
 * evaluated them, and says of each file it cannot read why.
 */
class ImagePredictionTest {

    private static final Path STUDY = Path.of("sample-projects/phantom-4-hospitals/study.json");
    private static final Path HOSPITAL_D = Path.of("sample-projects/phantom-4-hospitals/data/hospital-d/images");

    @TempDir
    static Path tmp;

    private static Study study;
    private static PreparedStudy prepared;
    private static StudyResult result;
    private static Path model;

    @BeforeAll
    static void trainTheSampleAndExportItsModel() {
        study = StudyFile.load(STUDY);
        study = study.withTraining(study.training().withRounds(3));
        prepared = PreparedStudy.prepare(study, STUDY);
        result = StudyRunner.run(TestWorkers.shared(), prepared, RunOptions.defaults(), RunListener.NONE,
                RunControl.free(), m -> { });
        model = tmp.resolve("model");
        RunOutputs.exportModel(result, ResultStatistics.of(result), model);
    }

    @Test
    void aHospitalsTestImagesArePredictedAsTheRunEvaluatedThem() throws Exception {
        Path out = tmp.resolve("hospital-d.csv");
        Prediction.Summary summary = Prediction.predictFile(model, HOSPITAL_D, null, out);

        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("file,label,predicted,probability_lesion,probability_no-lesion,note");
        Map<String, String[]> byFile = new HashMap<>();
        lines.stream().skip(1).map(l -> l.split(",", -1)).forEach(cells -> byFile.put(cells[0], cells));
        assertThat(summary.rows()).isEqualTo(40).isEqualTo(byFile.size());
        assertThat(summary.predicted()).isEqualTo(40);
        assertThat(summary.describe()).startsWith("40 of 40 files predicted; accuracy against the classes their "
                + "folders name: ");

        // the test images of hospital-d as the study split them: its images in path order, stratified by class
        ImagingSection settings = study.imaging();
        ImageDataset d = ImageDatasetLoader.create(settings.preprocessing()).fromClassFolders(HOSPITAL_D);
        List<String> classes = ((ImagingStudyData) prepared.data()).imageClasses();
        int[] y = d.examples().stream().mapToInt(e -> classes.indexOf(d.classNames().get(e.label()))).toArray();
        int[] test = TrainTestSplit.of(y, classes.size(), settings.trainFraction(), settings.splitSeed(), true).test();
        int correct = 0;
        for (int i : test) {
            String[] row = byFile.get(d.examples().get(i).id());
            assertThat(row[1]).isEqualTo(classes.get(y[i]));
            correct += row[2].equals(row[1]) ? 1 : 0;
            double pLesion = Double.parseDouble(row[3]);
            assertThat(pLesion + Double.parseDouble(row[4])).isCloseTo(1.0, org.assertj.core.api.Assertions.within(2e-6));
        }
        double runAccuracy = result.history().lastRound().orElseThrow().test().get("hospital-d").metric("accuracy");
        assertThat((double) correct / test.length).isEqualTo(runAccuracy);
    }

    @Test
    void aFileThatIsNoImageOrIsDamagedIsNamedWithWhyAndTheOthersArePredicted() throws Exception {
        Path folder = tmp.resolve("new-scans");
        Files.createDirectories(folder.resolve("lesion"));
        Path first = Files.list(HOSPITAL_D.resolve("lesion")).sorted().findFirst().orElseThrow();
        Files.copy(first, folder.resolve("lesion/a.dcm"));
        Files.copy(first, folder.resolve("unsorted.dcm"));
        Files.writeString(folder.resolve("notes.txt"), "scanned on Tuesday\n");
        byte[] whole = Files.readAllBytes(first);
        Files.write(folder.resolve("cut.dcm"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(folder.resolve(".DS_Store"), "finder");

        Path out = tmp.resolve("new-scans.csv");
        Prediction.Summary summary = Prediction.predictFile(model, folder, null, out);

        assertThat(summary.rows()).isEqualTo(4);
        assertThat(summary.predicted()).isEqualTo(2);
        assertThat(summary.skipped()).isEqualTo(2);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("cut.dcm,,,,,").contains("cut.dcm");
        assertThat(lines.get(2)).startsWith("lesion/a.dcm,lesion,");
        assertThat(lines.get(3)).startsWith("notes.txt,,,,,not an image");
        assertThat(lines.get(4)).startsWith("unsorted.dcm,,").endsWith(",");
        // one labelled image: the accuracy is over it alone
        assertThat(summary.accuracy()).isIn(0.0, 1.0);
        assertThat(summary.describe()).contains("2 left without a prediction (first: cut.dcm ").doesNotContain("cut.dcm: cut.dcm");
    }

    @Test
    void aSingleImageAndWrongUsesAreAnsweredInWords() {
        Path one = HOSPITAL_D.resolve("lesion").resolve("hospital-d-001.dcm");
        Prediction.Summary summary = Prediction.predictFile(model, one, null, tmp.resolve("one.csv"));
        assertThat(summary.predicted()).isEqualTo(1);

        assertThatThrownBy(() -> Prediction.predictFile(model, one, "hospital-d", tmp.resolve("x.csv")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--participant applies to table models only");
        assertThatThrownBy(() -> Prediction.predictFile(model, tmp.resolve("nowhere"), null, tmp.resolve("x.csv")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("nowhere")
                .hasMessageContaining("give an image file or a folder of images");
    }
}
