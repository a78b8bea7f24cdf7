package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;
import org.medfed.model.ModelKind;
import org.medfed.project.ImagingSection;
import org.medfed.project.ModelSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.sample.PhantomSampleProject;
import org.medfed.testsupport.SharedData;

/** Imaging studies: the sample project, identical preprocessing, splits, and clear errors on bad folders. */
class ImagingStudyDataTest {

    private static final Path SAMPLE = Path.of("sample-projects/phantom-4-hospitals");

    @TempDir
    Path dir;

    @Test
    void regeneratingTheSampleDataGivesTheSameBytes() throws Exception {
        PhantomSampleProject.generate(dir);
        List<Path> ours;
        try (Stream<Path> s = Files.walk(SAMPLE.resolve("data"))) {
            ours = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> fresh;
        try (Stream<Path> s = Files.walk(dir)) {
            fresh = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(fresh.stream().map(p -> dir.relativize(p).toString()).toList())
                .containsExactlyElementsOf(ours.stream().map(p -> SAMPLE.resolve("data").relativize(p).toString()).toList());
        long bytes = 0;
        for (Path p : ours) {
            assertThat(Files.readAllBytes(dir.resolve(SAMPLE.resolve("data").relativize(p).toString())))
                    .as(p.toString()).isEqualTo(Files.readAllBytes(p));
            bytes += Files.size(p);
        }
        assertThat(bytes).as("the sample stays under 1 MB").isLessThan(1_000_000);
    }

    @Test
    void theSampleStudyPreparesEveryHospitalIdenticallyAndReproducibly() {
        Path file = SAMPLE.resolve("study.json");
        PreparedStudy a = PreparedStudy.prepare(StudyFile.load(file), file);
        PreparedStudy b = PreparedStudy.prepare(StudyFile.load(file), file);

        assertThat(a.spec().kind()).isEqualTo(ModelKind.CNN);
        assertThat(a.spec().inputShape()).containsExactly(1, 48, 48);
        assertThat(a.data().classes()).containsExactly("lesion", "no-lesion");
        assertThat(a.participantNames()).containsExactly("hospital-a", "hospital-b", "hospital-c", "hospital-d");
        for (int i = 0; i < 4; i++) {
            SiteData s = a.data().sites().get(i);
            // 40 images: 30 for training (+ 30 augmented copies), 10 for testing, stratified by class
            assertThat(s.train().size()).isEqualTo(60);
            assertThat(s.test().size()).isEqualTo(10);
            assertThat(s.train().inputShape()).containsExactly(1, 48, 48);
            assertThat(s.train().inputs()).isDeepEqualTo(b.data().sites().get(i).train().inputs());
            for (float[] x : s.test().inputs()) {
                for (float v : x) {
                    assertThat(v).as("windowed with the file's window into [0, 1]").isBetween(0f, 1f);
                }
            }
        }
        // hospital-a: lesion share 0.5 -> 20 lesions; the stratified test split holds 5 of each class
        assertThat(a.data().sites().get(0).test().classCounts()).containsExactly(5, 5);
    }

    @Test
    void aSegmentationStudyCarriesMasksAndTakesTheUnet() {
        Path file = SAMPLE.resolve("study-segmentation.json");
        PreparedStudy p = PreparedStudy.prepare(StudyFile.load(file), file);
        assertThat(p.spec().kind()).isEqualTo(ModelKind.UNET);
        assertThat(p.data().classes()).containsExactly("background", "foreground");
        SiteData s = p.data().sites().get(0);
        assertThat(s.train().masks()).hasNumberOfRows(s.train().size());
        assertThat(s.test().masks()[0]).hasSize(48 * 48);

        Study wrong = StudyFile.load(file).withModel(new ModelSection("cnn", List.of(), List.of(4)));
        assertThatThrownBy(() -> PreparedStudy.prepare(wrong, file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("segmentation study needs the model \"unet\"");
    }

    private Study study(Path hospital, ImagingSection imaging) {
        return Study.empty().withParticipants(List.of(new ParticipantEntry("h", hospital.toString())))
                .withImaging(imaging).withModel(new ModelSection("cnn", List.of(), List.of(2)));
    }

    private static ImagingSection size(int h, int w, String task) {
        return new ImagingSection(null, task, null, null, null, null, null, null, null, List.of(h, w), null, null,
                null, null, null, null, null);
    }

    @Test
    void aFolderWithoutImagesIsAClearError() throws Exception {
        Path h = dir.resolve("h");
        Files.createDirectories(h.resolve("images/lesion"));
        Files.writeString(h.resolve("images/lesion/notes.txt"), "not an image");
        assertThatThrownBy(() -> PreparedStudy.prepare(study(h, size(8, 8, null)), dir.resolve("s.json")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("holds no image that could be read");
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        assertThatThrownBy(() -> PreparedStudy.prepare(study(empty, size(8, 8, null)), dir.resolve("s.json")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("has no 'images' folder");
    }

    @Test
    void oneClassFolderIsAClearError() throws Exception {
        Path h = dir.resolve("h");
        Path lesion = Files.createDirectories(h.resolve("images/lesion"));
        Path src = SAMPLE.resolve("data/hospital-a/images/lesion");
        try (Stream<Path> s = Files.list(src)) {
            for (Path f : s.limit(3).toList()) {
                Files.copy(f, lesion.resolve(f.getFileName()));
            }
        }
        assertThatThrownBy(() -> PreparedStudy.prepare(study(h, size(8, 8, null)), dir.resolve("s.json")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("images: every hospital's images are of one class ('lesion')");
    }

    @Test
    void aMaskOfAnotherSizeIsAClearError() throws Exception {
        Path h = dir.resolve("h");
        Path lesion = Files.createDirectories(h.resolve("images/lesion"));
        Files.createDirectories(h.resolve("masks"));
        Path image = SAMPLE.resolve("data/hospital-a/images/lesion").resolve("hospital-a-002.dcm");
        if (!Files.exists(image)) {
            try (Stream<Path> s = Files.list(SAMPLE.resolve("data/hospital-a/images/lesion"))) {
                image = s.sorted().findFirst().orElseThrow();
            }
        }
        Files.copy(image, lesion.resolve("case1.dcm"));
        ImageIO.write(new BufferedImage(10, 12, BufferedImage.TYPE_BYTE_GRAY), "png", h.resolve("masks/case1.png").toFile());
        Study s = study(h, size(8, 8, "segmentation")).withModel(new ModelSection("unet", List.of(), List.of(2, 2)));
        assertThatThrownBy(() -> PreparedStudy.prepare(s, dir.resolve("s.json"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("case1.png").hasMessageContaining("the mask is 12 x 10 but its image case1.dcm is 48 x 48");
    }

    @Test
    void anUnsupportedTransferSyntaxNamesTheFileAndTheSyntax() throws Exception {
        // the JPEG-LS MR image with the UID of JPEG 2000 Part 2 (same length), a syntax we have no decoder for
        Path jpegLs = SharedData.data("dicom-pydicom-testfiles/valid/MR_small_jpeg_ls_lossless.dcm");
        Path h = dir.resolve("h");
        String bytes = new String(Files.readAllBytes(jpegLs), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.92");
        Files.write(Files.createDirectories(h.resolve("images/a")).resolve("x.dcm"),
                bytes.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.copy(SAMPLE.resolve("data/hospital-a/images/lesion").resolve(firstFile("lesion")),
                Files.createDirectories(h.resolve("images/b")).resolve("y.dcm"));
        assertThatThrownBy(() -> PreparedStudy.prepare(study(h, size(8, 8, null)), dir.resolve("s.json")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("x.dcm")
                .hasMessageContaining("1.2.840.10008.1.2.4.92").hasMessageContaining("not supported");
    }

    private static String firstFile(String cls) throws Exception {
        try (Stream<Path> s = Files.list(SAMPLE.resolve("data/hospital-a/images").resolve(cls))) {
            return s.sorted().findFirst().orElseThrow().getFileName().toString();
        }
    }
}
