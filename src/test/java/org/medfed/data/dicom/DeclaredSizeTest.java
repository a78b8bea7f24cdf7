package org.medfed.data.dicom;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;

/** A file is refused in words for what it declares, before anything of that size is allocated. */
class DeclaredSizeTest {

    @TempDir
    Path dir;

    @Test
    void anImageDeclaring65535By65535PixelsIsRefusedBeforeAllocating() {
        Path p = dir.resolve("huge.dcm");
        DicomWriter.write(p, SyntheticImages.header(65535, 65535, 1, 1, 16, false, "MONOCHROME2")
                .putBytes(Tag.PixelData, Vr.OW, new byte[64]).build());
        assertThatThrownBy(() -> DicomImage.read(p)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("huge.dcm")
                .hasMessageContaining("the image declares 65535 x 65535 pixels (4,294,836,225 samples a frame); "
                        + "this reader decodes at most 134,217,728 samples a frame");
    }

    @Test
    void manyFramesOfAnAllowedSizeAreRefusedTogether() {
        Path p = dir.resolve("frames.dcm");
        DicomWriter.write(p, SyntheticImages.header(8192, 8192, 40, 1, 8, false, "MONOCHROME2")
                .putBytes(Tag.PixelData, Vr.OB, new byte[64]).build());
        assertThatThrownBy(() -> DicomImage.read(p)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("40 frames of 8192 x 8192 pixels");
    }

    @Test
    void aPreambleAndMarkerAloneAreNotADicomObject() throws Exception {
        Path p = dir.resolve("preamble.dcm");
        byte[] bytes = new byte[132];
        bytes[128] = 'D';
        bytes[129] = 'I';
        bytes[130] = 'C';
        bytes[131] = 'M';
        Files.write(p, bytes);
        assertThatThrownBy(() -> DicomFile.read(p)).isInstanceOf(BadInputException.class)
                .hasMessage("preamble.dcm: holds only the DICOM preamble and 'DICM' marker (132 bytes) and no data "
                        + "elements: it is not a DICOM object");
    }

    @Test
    void fileMetaWithoutADatasetIsNotADicomObject() throws Exception {
        Path full = dir.resolve("full.dcm");
        DicomWriter.write(full, SyntheticImages.header(2, 2, 1, 1, 8, false, "MONOCHROME2")
                .putBytes(Tag.PixelData, Vr.OB, new byte[4]).build());
        DicomFile read = DicomFile.read(full);
        // keep the preamble and the file meta group (0002), drop the dataset
        byte[] bytes = Files.readAllBytes(full);
        int metaEnd = 132 + 12 + (int) read.meta().getInt(Tag.FileMetaInformationGroupLength, 0);
        Path p = dir.resolve("meta-only.dcm");
        Files.write(p, java.util.Arrays.copyOf(bytes, metaEnd));
        assertThatThrownBy(() -> DicomFile.read(p)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("meta-only.dcm: has file meta information but no dataset after it");
    }
}
