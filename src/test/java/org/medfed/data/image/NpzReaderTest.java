package org.medfed.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.medfed.engine.BadInputException;
import org.medfed.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzReaderTest {

    @TempDir
    Path dir;

    @Test
    void breastMnistHasTheShapesAndClassCountsOfItsProvenance() {
        Path npz = SharedData.data("medmnist-breastmnist/breastmnist.npz");
        Map<String, NpyArray> arrays = NpzReader.read(npz);
        // PROVENANCE.md: train (546, 28, 28), val (78, 28, 28), test (156, 28, 28), uint8; labels 1-D
        assertThat(arrays.get("train_images").shape()).containsExactly(546, 28, 28);
        assertThat(arrays.get("val_images").shape()).containsExactly(78, 28, 28);
        assertThat(arrays.get("test_images").shape()).containsExactly(156, 28, 28);
        assertThat(arrays.get("train_labels").shape()).containsExactly(546);
        assertThat(arrays.get("train_images").dtype()).isEqualTo("|u1");

        Preprocessing unit = new Preprocessing(Windowing.none(), 28, 28, 1, Normalisation.fixed(0, 255),
                Augmentation.none());
        // PROVENANCE.md: label 0 / 1 counts train 147 / 399, val 21 / 57, test 42 / 114
        assertThat(MedMnist.load(npz, "train", MedMnist.BREAST_CLASSES, unit).classCounts()).containsExactly(147, 399);
        assertThat(MedMnist.load(npz, "val", MedMnist.BREAST_CLASSES, unit).classCounts()).containsExactly(21, 57);
        ImageDataset test = MedMnist.load(npz, "test", MedMnist.BREAST_CLASSES, unit);
        assertThat(test.classCounts()).containsExactly(42, 114);
        assertThat(test.examples().get(0).pixels()).hasSize(28 * 28);
        float max = 0;
        for (ImageExample e : test.examples()) {
            for (float v : e.pixels()) {
                assertThat(v).isBetween(0f, 1f);
                max = Math.max(max, v);
            }
        }
        assertThat(max).isEqualTo(254f / 255f); // numpy: test_images max is 254 (train and val reach 255)
    }

    @Test
    void parsesVersionOneHeadersOfOtherTypesAndColumnLabels() throws Exception {
        // int64 labels of shape (3, 1), as the official MedMNIST files store them, and 2x2x2x3 RGB images
        byte[] labels = new byte[24];
        labels[8] = 1;
        labels[16] = 1;
        byte[] rgb = new byte[2 * 2 * 2 * 3];
        rgb[0] = (byte) 255; // image 0, pixel (0,0), red
        Path npz = npz(Map.of("train_labels.npy", npy("<i8", "(3, 1)", labels),
                "train_images.npy", npy("|u1", "(2, 2, 2, 3)", rgb)));
        Map<String, NpyArray> arrays = NpzReader.read(npz);
        assertThat(arrays.get("train_labels").get(1)).isEqualTo(1.0);
        assertThat(arrays.get("train_labels").get(0)).isZero();
        assertThatThrownBy(() -> MedMnist.load(npz, "train", List.of("a", "b"), Preprocessing.grey(2, 2)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("has 3 labels for 2 images");

        Path rgbOnly = npz(Map.of("train_labels.npy", npy("|u1", "(2,)", new byte[] {0, 1}),
                "train_images.npy", npy("|u1", "(2, 2, 2, 3)", rgb)));
        Preprocessing colour = new Preprocessing(Windowing.none(), 2, 2, 3, Normalisation.none(), Augmentation.none());
        ImageDataset ds = MedMnist.load(rgbOnly, "train", List.of("a", "b"), colour);
        assertThat(ds.examples().get(0).pixels()).containsExactly(255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void badArchivesAreNamed() throws Exception {
        Path fortran = npz(Map.of("x.npy", npy("|u1", "(2, 2)", new byte[4]).replaceFortran()));
        assertThatThrownBy(() -> NpzReader.read(fortran)).isInstanceOf(BadInputException.class)
                .hasMessage("bad.npz entry x.npy: is stored in Fortran order, which is not supported");
        Path truncated = npz(Map.of("x.npy", npy("|u1", "(4, 4)", new byte[3])));
        assertThatThrownBy(() -> NpzReader.read(truncated)).hasMessageContaining("is truncated: 3 of 16 data bytes");
        Path text = Files.writeString(dir.resolve("text.npz"), "hello");
        assertThatThrownBy(() -> NpzReader.read(text)).hasMessage("text.npz: is not a NumPy .npz archive (not a zip file)");
    }

    /** A .npy v1 file: magic, version 1.0, header padded so that the data starts at a multiple of 64. */
    private record Npy(byte[] bytes) {
        Npy replaceFortran() {
            String s = new String(bytes, StandardCharsets.ISO_8859_1).replace("'fortran_order': False",
                    "'fortran_order': True ");
            return new Npy(s.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static Npy npy(String dtype, String shape, byte[] data) {
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return new Npy(out.toByteArray());
    }

    private Path npz(Map<String, Npy> entries) throws Exception {
        Path p = dir.resolve("bad.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (Map.Entry<String, Npy> e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().bytes());
                z.closeEntry();
            }
        }
        return p;
    }
}
