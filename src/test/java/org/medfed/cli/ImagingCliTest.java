package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.project.ImagingSection;
import org.medfed.project.ModelSection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.project.TrainingSection;

/** {@code inspect} on DICOM files and folders, and {@code run} on imaging studies, end to end. */
class ImagingCliTest {

    private static final Path SAMPLE = Path.of("sample-projects/phantom-4-hospitals").toAbsolutePath();

    @TempDir
    Path dir;

    private static Path firstDicom() throws Exception {
        try (Stream<Path> s = Files.list(SAMPLE.resolve("data/hospital-b/images/lesion"))) {
            return s.sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void inspectADicomFileWritesItsReportAndAWindowedPng() throws Exception {
        Path png = dir.resolve("slice.png");
        CliRunner r = CliRunner.run("inspect", firstDicom().toString(), "--png", png.toString(), "--window", "420,576");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Transfer syntax:", "1.2.840.10008.1.2.1", "Image:", "40 rows x 40 columns, 1 frame",
                "Pixel values:", "Picture written to:");
        var img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(40);
        assertThat(img.getHeight()).isEqualTo(40);
    }

    @Test
    void inspectAFolderListsItsDicomFilesAndOtherTypesAreRefusedClearly() throws Exception {
        CliRunner folder = CliRunner.run("inspect", SAMPLE.resolve("data/hospital-d").toString());
        assertThat(folder.exitCode()).as(folder.err()).isZero();
        assertThat(folder.out()).contains("DICOM files read", "40");
        // a binary file that is no DICOM (a text file would be inspected as a table)
        Path binary = Files.write(dir.resolve("scan.raw"), new byte[] {0x42, 0x00, 0x13, 0x00});
        CliRunner other = CliRunner.run("inspect", binary.toString());
        assertThat(other.exitCode()).isEqualTo(MedFedCommand.BAD_INPUT);
        assertThat(other.err()).contains("scan.raw", "not supported by inspect");
        // a text file named as DICOM is said not to be DICOM, not shown as a table
        Path named = Files.writeString(dir.resolve("scan.dcm"), "patient,age\nP1,63\n");
        CliRunner notDicom = CliRunner.run("inspect", named.toString());
        assertThat(notDicom.exitCode()).isEqualTo(MedFedCommand.BAD_INPUT);
        assertThat(notDicom.err()).contains("scan.dcm: is not a DICOM file: no 'DICM' marker at byte 128");
        CliRunner pngOfFolder = CliRunner.run("inspect", SAMPLE.resolve("data").toString(), "--png", "x.png");
        assertThat(pngOfFolder.exitCode()).isEqualTo(MedFedCommand.BAD_INPUT);
        assertThat(pngOfFolder.err()).contains("--png needs a single DICOM file");
    }

    @Test
    void runTheImagingSampleForOneRoundAndExportTheCnnWithItsCard() throws Exception {
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", SAMPLE.resolve("study.json").toString(), "--rounds", "1", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("federated", "hospital-d");
        assertThat(out.resolve("model/model.zip")).exists();
        String card = Files.readString(out.resolve("model/model-card.json"));
        assertThat(card).contains("\"imagePreprocessing\"", "\"inputShape\" : [ 1, 48, 48 ]", "\"window\" : \"file\"",
                "\"classes\" : [ \"lesion\", \"no-lesion\" ]", "\"filters\" : [ 4, 8 ]");
        assertThat(Files.readString(out.resolve("metrics.csv"))).contains("1,hospital-a,test,auc,");

        // the report of an image run reads its card as a run of tables does (it once asked for table preprocessing)
        CliRunner report = CliRunner.run("report", out.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).contains("imagePreprocessing", "hospital-d");

        // predicting a hospital's own images, as the README shows, names whose they are (it once failed: an image
        // study has no "data" section)
        Path images = SAMPLE.resolve("data/hospital-d/images");
        CliRunner predicted = CliRunner.run("predict", "--model", out.resolve("model").toString(), "--input",
                images.toString(), "--out", dir.resolve("predictions.csv").toString());
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        assertThat(predicted.err()).doesNotContain("internal error").contains("hospital-d");
        assertThat(Files.readString(dir.resolve("predictions.csv"))).contains("probability_lesion");
    }

    @Test
    void runASmallSegmentationStudyAndReportDiceAndIou() throws Exception {
        Study base = StudyFile.load(SAMPLE.resolve("study-segmentation.json"));
        ImagingSection i = base.imaging();
        ImagingSection small = new ImagingSection(i.source(), i.task(), i.images(), i.manifest(), i.masks(), i.classes(),
                i.window(), null, null, List.of(16, 16), 1, i.normalisation(), null, null, null, i.trainFraction(),
                i.splitSeed());
        Study s = base.withImaging(small).withModel(new ModelSection("unet", List.of(), List.of(2, 4)))
                .withParticipants(base.participants().subList(0, 2))
                .withTraining(new TrainingSection(1, 2, null, 8, 0.01, "adam", null, null, null));
        Path file = dir.resolve("seg.json");
        StudyFile.save(s.withParticipants(s.participants().stream().map(p -> new org.medfed.project.ParticipantEntry(
                p.name(), SAMPLE.resolve(p.data().get(0)).toString())).toList()), file);
        Path out = dir.resolve("seg-out");
        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("dice", "iou");
        assertThat(Files.readString(out.resolve("metrics.csv"))).contains("1,hospital-a,test,dice,", "pixel_accuracy");
        assertThat(Files.readString(out.resolve("model/model-card.json"))).contains("ComputationGraph", "\"segmentation\"");

        // its report shows the masks' figures (it showed an empty results section: no accuracy, no AUC)
        CliRunner report = CliRunner.run("report", out.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        String page = Files.readString(out.resolve("report.html"));
        String results = page.substring(page.indexOf("<section id=\"results\""), page.indexOf("<section id=\"charts\""));
        assertThat(results).contains("Dice (overlap of predicted and true masks)", "IoU (intersection over union)",
                "Pixel accuracy", "All test images", "hospital-a").doesNotContain("Wilson");
        assertThat(page).contains("Training images", "alt=\"Dice of the global model's masks after each round\"");
    }

    @Test
    void benchmarkDispatchesByNameAndExplainsAMissingDataFile() {
        CliRunner unknown = CliRunner.run("benchmark", "cifar", "--data", dir.toString());
        assertThat(unknown.exitCode()).isEqualTo(MedFedCommand.BAD_INPUT);
        assertThat(unknown.err()).contains("available: fed-heart-disease, attacks, privacy, breastmnist");
        CliRunner missing = CliRunner.run("benchmark", "breastmnist", "--data", dir.toString());
        assertThat(missing.exitCode()).isEqualTo(MedFedCommand.BAD_INPUT);
        assertThat(missing.err()).contains("has no breastmnist.npz");
    }
}
