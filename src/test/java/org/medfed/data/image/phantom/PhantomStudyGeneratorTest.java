package org.medfed.data.image.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.medfed.data.dicom.Dcmdump;
import org.medfed.data.dicom.DicomFile;
import org.medfed.data.dicom.DicomImage;
import org.medfed.data.dicom.Tag;
import org.medfed.data.dicom.TransferSyntax;
import org.medfed.data.image.Augmentation;
import org.medfed.data.image.ImageDataset;
import org.medfed.data.image.ImageDatasetLoader;
import org.medfed.data.image.Normalisation;
import org.medfed.data.image.Preprocessing;
import org.medfed.data.image.Windowing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhantomStudyGeneratorTest {

    @TempDir
    static Path dir;
    static PhantomStudy study;

    @BeforeAll
    static void generate() {
        study = PhantomStudyGenerator.generate(dir.resolve("seed42"), 42);
    }

    @Test
    void writesFourHospitalsWithTheirProfilesAndLabelShares() {
        assertThat(study.hospitals()).hasSize(4);
        for (PhantomStudy.Hospital h : study.hospitals()) {
            assertThat(h.cases()).hasSize(40);
            long lesions = h.cases().stream().filter(c -> c.label() == 1).count();
            assertThat(lesions).isEqualTo(Math.round(40 * h.profile().lesionFraction()));
        }
        PhantomStudy.Hospital b = study.hospitals().get(1);
        DicomFile f = DicomFile.read(b.folder().resolve(b.cases().get(0).file()));
        assertThat(f.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LE);
        assertThat(f.meta().getString(Tag.TransferSyntaxUID)).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(f.meta().getString(Tag.MediaStorageSOPInstanceUID)).isEqualTo(f.getString(Tag.SOPInstanceUID))
                .startsWith("2.25.");
        assertThat(f.getString(Tag.Modality)).isEqualTo("MR");
        assertThat(f.getString(Tag.InstitutionName)).isEqualTo("Hospital B");
        assertThat(f.dataset().getInt(Tag.Rows, 0)).isEqualTo(40);
        assertThat(f.dataset().getInt(Tag.BitsStored, 0)).isEqualTo(12);
        assertThat(f.getString(Tag.PhotometricInterpretation)).isEqualTo("MONOCHROME2");
    }

    @Test
    void theReaderGetsBackExactlyThePixelsThatWereGenerated() throws Exception {
        for (PhantomStudy.Hospital h : study.hospitals()) {
            List<PhantomStudyGenerator.Rendered> rendered = PhantomStudyGenerator.render(42, h.profile(), 40);
            for (int i = 0; i < 40; i++) {
                PhantomStudy.Case c = h.cases().get(i);
                PhantomStudyGenerator.Rendered r = rendered.get(i);
                assertThat(c.file()).endsWith(r.name() + ".dcm");
                assertThat(DicomImage.read(h.folder().resolve(c.file())).storedValues(0)).isEqualTo(r.stored());
                BufferedImage mask = ImageIO.read(h.folder().resolve(c.mask()).toFile());
                int[] m = mask.getRaster().getPixels(0, 0, mask.getWidth(), mask.getHeight(), (int[]) null);
                for (int p = 0; p < m.length; p++) {
                    assertThat(m[p] == 255).isEqualTo(r.anatomy().lesion()[p]);
                }
            }
        }
    }

    @Test
    void groundTruthIsConsistent() {
        for (PhantomStudy.Hospital h : study.hospitals()) {
            List<PhantomStudyGenerator.Rendered> rendered = PhantomStudyGenerator.render(42, h.profile(), 40);
            for (int i = 0; i < 40; i++) {
                PhantomStudy.Case c = h.cases().get(i);
                PhantomAnatomy a = rendered.get(i).anatomy();
                if (c.label() == 1) {
                    // a disc of radius r covers about pi r^2 pixels; the lesion is drawn inside organ one
                    assertThat((double) c.lesionPixels()).isCloseTo(Math.PI * c.lesionRadius() * c.lesionRadius(),
                            within(0.35 * Math.PI * c.lesionRadius() * c.lesionRadius() + 2));
                    int centre = (int) Math.round(c.lesionRow()) * a.size() + (int) Math.round(c.lesionColumn());
                    assertThat(a.tissue()[centre]).isEqualTo(240f);
                    assertThat(c.file()).startsWith("images/lesion/");
                } else {
                    assertThat(c.lesionPixels()).isZero();
                    assertThat(c.file()).startsWith("images/no-lesion/");
                    for (float t : a.tissue()) {
                        assertThat(t).isNotEqualTo(240f);
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedWritesByteIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        PhantomStudyGenerator.generate(dir.resolve("seed42-again"), 42);
        PhantomStudyGenerator.generate(dir.resolve("seed7"), 7);
        List<Path> files = files(dir.resolve("seed42"));
        assertThat(files).hasSize(4 * (40 * 2 + 2) + 1);
        int differentWithOtherSeed = 0;
        for (Path rel : files) {
            byte[] a = Files.readAllBytes(dir.resolve("seed42").resolve(rel));
            assertThat(Files.readAllBytes(dir.resolve("seed42-again").resolve(rel))).as(rel.toString()).isEqualTo(a);
            Path other = dir.resolve("seed7").resolve(rel);
            if (rel.toString().endsWith(".dcm") && Files.exists(other)
                    && !java.util.Arrays.equals(Files.readAllBytes(other), a)) {
                differentWithOtherSeed++;
            }
        }
        assertThat(differentWithOtherSeed).isGreaterThan(0);
        assertThat(PhantomStudyGenerator.render(7, study.hospitals().get(0).profile(), 40).get(0).stored())
                .isNotEqualTo(PhantomStudyGenerator.render(42, study.hospitals().get(0).profile(), 40).get(0).stored());
    }

    @Test
    void theImageLoaderReadsAHospitalByFoldersAndByManifestAlike() {
        PhantomStudy.Hospital a = study.hospitals().get(0);
        Preprocessing p = new Preprocessing(Windowing.fromFile(), 32, 32, 1, Normalisation.none(), Augmentation.none());
        ImageDataset byFolder = ImageDatasetLoader.create(p, a.masks(), null, x -> { }, () -> false)
                .fromClassFolders(a.images());
        assertThat(byFolder.classNames()).containsExactly("lesion", "no-lesion");
        assertThat(byFolder.classCounts()).containsExactly(20, 20);
        assertThat(byFolder.hasMasks()).isTrue();
        ImageDataset byManifest = ImageDatasetLoader.create(p, a.masks(), List.of("lesion", "no-lesion"), x -> { },
                () -> false).fromManifest(a.manifest());
        assertThat(byManifest.classCounts()).containsExactly(20, 20);
        // masks of lesion images have foreground after the 48 -> 32 resize; the others none
        byFolder.examples().forEach(e -> {
            float fg = 0;
            for (float v : e.mask()) {
                fg += v;
            }
            assertThat(fg > 0).as(e.id()).isEqualTo(e.label() == 0);
        });
    }

    @Test
    void dcmdumpReadsEveryGeneratedFileWithoutComplaint() throws Exception {
        Dcmdump.require();
        List<Path> dicoms = new ArrayList<>();
        for (Path rel : files(dir.resolve("seed42"))) {
            if (rel.toString().endsWith(".dcm")) {
                dicoms.add(dir.resolve("seed42").resolve(rel));
            }
        }
        assertThat(dicoms).hasSize(160);
        Dcmdump.Result r = Dcmdump.run(dicoms);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().split("=MRImageStorage", -1)).hasSize(1 + 2 * 160);
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void withoutNoiseTheModalityValuesAreTheTissueValues() {
        // CT: stored = HU + 1024, RescaleIntercept -1024, so a noise-free scan reads back as the phantom's HU;
        // MR: stored = round(gain * tissue + offset)
        ScannerProfile ct = new ScannerProfile("ct-site", "CT site", "CT", 24, 1.5, 1.0, 0, 0, 1.0);
        ScannerProfile mr = new ScannerProfile("mr-site", "MR site", "MR", 24, 1.5, 2.0, 10, 0, 0.0);
        PhantomStudy s = PhantomStudyGenerator.generate(dir.resolve("noise-free"), 5, List.of(ct, mr), 3);
        for (PhantomStudy.Hospital h : s.hospitals()) {
            List<PhantomStudyGenerator.Rendered> rendered = PhantomStudyGenerator.render(5, h.profile(), 3);
            for (int i = 0; i < 3; i++) {
                DicomImage im = DicomImage.read(h.folder().resolve(h.cases().get(i).file()));
                float[] v = im.frame(0);
                float[] t = rendered.get(i).anatomy().tissue();
                for (int p = 0; p < v.length; p++) {
                    float expected = h.profile().modality().equals("CT") ? t[p] : 2 * t[p] + 10;
                    assertThat(v[p]).isEqualTo(expected);
                }
            }
        }
        DicomFile f = DicomFile.read(s.hospitals().get(0).folder().resolve(s.hospitals().get(0).cases().get(0).file()));
        assertThat(f.getString(Tag.Modality)).isEqualTo("CT");
        assertThat(f.getString(Tag.SOPClassUID)).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(f.dataset().getDouble(Tag.RescaleIntercept, 0)).isEqualTo(-1024);
        assertThat(s.hospitals().get(0).cases()).allMatch(c -> c.label() == 1);
        assertThat(s.hospitals().get(1).cases()).allMatch(c -> c.label() == 0);
    }
}
