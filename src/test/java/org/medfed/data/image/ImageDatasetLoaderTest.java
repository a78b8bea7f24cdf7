package org.medfed.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;
import org.medfed.data.dicom.DicomObject;
import org.medfed.data.dicom.DicomWriter;
import org.medfed.data.dicom.Tag;
import org.medfed.data.dicom.Uids;
import org.medfed.data.dicom.Vr;
import org.medfed.engine.BadInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDatasetLoaderTest {

    @TempDir
    Path dir;

    private final Preprocessing identity = new Preprocessing(Windowing.none(), 2, 2, 1, Normalisation.none(),
            Augmentation.none());

    @BeforeEach
    void hospital() throws Exception {
        // hospital/benign/a.png (grey 10), hospital/benign/b.dcm (stored 7, rescale 2/+1 -> 15),
        // hospital/malignant/c.png (grey 200), a README in a class folder and one at the root
        png(dir.resolve("hospital/benign/a.png"), 10);
        dicom(dir.resolve("hospital/benign/b.dcm"), 7);
        png(dir.resolve("hospital/malignant/c.png"), 200);
        Files.writeString(dir.resolve("hospital/malignant/notes.txt"), "not an image");
        Files.writeString(dir.resolve("hospital/README.md"), "root files are not examples");
        png(dir.resolve("masks/a.png"), 255);
        dicom(dir.resolve("masks/b.dcm"), 0); // masks may be DICOM too
        png(dir.resolve("masks/c.png"), 255);
    }

    @Test
    void classFoldersGiveSortedClassesAndSkipNonImages() {
        List<LoadProgress> seen = new ArrayList<>();
        ImageDataset ds = ImageDatasetLoader.create(identity, dir.resolve("masks"), null, seen::add, () -> false)
                .fromClassFolders(dir.resolve("hospital"));
        assertThat(ds.classNames()).containsExactly("benign", "malignant");
        assertThat(ds.examples()).extracting(ImageExample::id)
                .containsExactly("benign/a.png", "benign/b.dcm", "malignant/c.png");
        assertThat(ds.examples()).extracting(ImageExample::label).containsExactly(0, 0, 1);
        assertThat(ds.classCounts()).containsExactly(2, 1);
        assertThat(ds.skippedFiles()).isEqualTo(1);
        assertThat(ds.examples().get(0).pixels()).containsExactly(10, 10, 10, 10);
        assertThat(ds.examples().get(1).pixels()).containsExactly(15, 15, 15, 15);
        assertThat(ds.examples().get(2).pixels()).containsExactly(200, 200, 200, 200);
        assertThat(ds.hasMasks()).isTrue();
        assertThat(ds.examples().get(0).mask()).containsExactly(1, 1, 1, 1);
        assertThat(ds.examples().get(1).mask()).containsExactly(0, 0, 0, 0);
        assertThat(seen).extracting(LoadProgress::done).containsExactly(1, 2, 3, 4);
    }

    @Test
    void augmentedLoadingIsReproducible() {
        Preprocessing augmented = new Preprocessing(Windowing.none(), 8, 8, 1, Normalisation.minMax(),
                new Augmentation(true, true, 20, 11));
        ImageDataset a = ImageDatasetLoader.create(augmented, dir.resolve("masks"), null, p -> { }, () -> false)
                .fromClassFolders(dir.resolve("hospital"));
        ImageDataset b = ImageDatasetLoader.create(augmented, dir.resolve("masks"), null, p -> { }, () -> false)
                .fromClassFolders(dir.resolve("hospital"));
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.examples().get(i).pixels()).isEqualTo(a.examples().get(i).pixels());
            assertThat(b.examples().get(i).mask()).isEqualTo(a.examples().get(i).mask());
        }
    }

    @Test
    void aManifestGivesLabelsAndNamesBadRows() throws Exception {
        Path csv = dir.resolve("hospital/manifest.csv");
        Files.writeString(csv, "file,label\nbenign/a.png,no-lesion\nmalignant/c.png,lesion\n");
        ImageDataset ds = ImageDatasetLoader.create(identity, null, List.of("no-lesion", "lesion"), p -> { }, () -> false)
                .fromManifest(csv);
        assertThat(ds.examples()).extracting(ImageExample::label).containsExactly(0, 1);
        assertThat(ds.hasMasks()).isFalse();

        Files.writeString(csv, "file,label\nbenign/a.png,no-lesion\nbenign/zzz.png,lesion\n");
        assertThatThrownBy(() -> ImageDatasetLoader.create(identity).fromManifest(csv))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("manifest.csv line 3: file 'benign/zzz.png' not found");
        Files.writeString(csv, "path,class\nbenign/a.png,x\n");
        assertThatThrownBy(() -> ImageDatasetLoader.create(identity).fromManifest(csv))
                .hasMessageStartingWith("manifest.csv line 1: the header must name the columns 'file' and 'label'");
        Files.writeString(csv, "file,label\nbenign/a.png,maybe\n");
        assertThatThrownBy(() -> ImageDatasetLoader.create(identity, null, List.of("no", "yes"), p -> { }, () -> false)
                .fromManifest(csv)).hasMessage("a.png: its class 'maybe' is not one of the study's classes [no, yes]");
    }

    @Test
    void aMissingMaskAndCancellationAreClear() throws Exception {
        Files.delete(dir.resolve("masks/c.png"));
        assertThatThrownBy(() -> ImageDatasetLoader.create(identity, dir.resolve("masks"), null, p -> { }, () -> false)
                .fromClassFolders(dir.resolve("hospital")))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("c.png: has no mask: expected c.png or c.dcm in ");
        assertThatThrownBy(() -> ImageDatasetLoader.create(identity, null, null, p -> { }, () -> true)
                .fromClassFolders(dir.resolve("hospital"))).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> ImageDatasetLoader.create(identity).fromClassFolders(dir.resolve("masks")))
                .hasMessageContaining("has no class sub-folders");
    }

    private static void png(Path p, int grey) throws Exception {
        Files.createDirectories(p.getParent());
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setPixels(0, 0, 2, 2, new int[] {grey, grey, grey, grey});
        ImageIO.write(img, "png", p.toFile());
    }

    private static void dicom(Path p, int stored) {
        DicomObject ds = DicomObject.builder()
                .putString(Tag.SOPClassUID, Vr.UI, "1.2.840.10008.5.1.4.1.1.7")
                .putString(Tag.SOPInstanceUID, Vr.UI, Uids.fromName("loader test"))
                .putInt(Tag.Rows, Vr.US, 2).putInt(Tag.Columns, Vr.US, 2)
                .putInt(Tag.BitsAllocated, Vr.US, 16).putInt(Tag.BitsStored, Vr.US, 16).putInt(Tag.HighBit, Vr.US, 15)
                .putInt(Tag.PixelRepresentation, Vr.US, 0).putInt(Tag.SamplesPerPixel, Vr.US, 1)
                .putString(Tag.PhotometricInterpretation, Vr.CS, "MONOCHROME2")
                .putString(Tag.RescaleSlope, Vr.DS, "2").putString(Tag.RescaleIntercept, Vr.DS, "1")
                .putBytes(Tag.PixelData, Vr.OW, new byte[] {(byte) stored, 0, (byte) stored, 0, (byte) stored, 0,
                    (byte) stored, 0})
                .build();
        DicomWriter.write(p, ds);
    }
}
