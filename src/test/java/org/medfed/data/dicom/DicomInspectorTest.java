package org.medfed.data.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfed.data.dicom.PydicomFilesReaderTest.odd;
import static org.medfed.data.dicom.PydicomFilesReaderTest.valid;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.medfed.engine.BadInputException;
import org.medfed.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomInspectorTest {

    @TempDir
    Path dir;

    @Test
    void aFileReportShowsTagsSyntaxAndPixelSummary() {
        String r = DicomInspector.report(valid("CT_small.dcm"));
        assertThat(r).contains("Transfer syntax:          1.2.840.10008.1.2.1 (Explicit VR Little Endian)")
                .contains("Modality:                 CT")
                .contains("Patient ID:               1CT1")
                .contains("Image:                    128 rows x 128 columns, 1 frame, MONOCHROME2")
                .contains("Rescale:                  slope 1, intercept -1024")
                // min/max/mean after rescale: numpy values of PydicomFilesPixelTest
                .contains("Pixel values:             min -896, max 1167, mean -119.07 (after rescale)");
    }

    @Test
    void aFileWhosePixelsCannotBeDecodedStillShowsItsTags() {
        String r = DicomInspector.report(PydicomFilesReaderTest.withoutADecoder(dir));
        assertThat(r).contains("Modality:                 MR")
                .contains("Pixels:                   cannot be decoded: transfer syntax 1.2.840.10008.1.2.4.92 "
                        + "(JPEG 2000 Part 2 Multi-component Lossless) is not supported");
        assertThat(DicomInspector.report(valid("MR_small_jpeg_ls_lossless.dcm")))
                .contains("Pixel values:             min 127, max 2145, mean 518.88 (after rescale)");
        assertThat(DicomInspector.report(valid("waveform_ecg.dcm")))
                .contains("Pixels:                   none: this ECG object has no pixel data");
        assertThat(DicomInspector.report(odd("badVR.dcm")))
                .contains("cannot be decoded: value '1A' is not an integer string (IS) such as '15' "
                        + "[tag (0028,0008) NumberOfFrames]");
        assertThat(DicomInspector.report(odd("no_meta.dcm"))).contains("Note:").contains("byte 1");
    }

    @Test
    void anUnreadableFileIsABadInputException() {
        assertThatThrownBy(() -> DicomInspector.report(odd("MR_truncated.dcm"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("MR_truncated.dcm");
    }

    @Test
    void aFolderReportCountsFilesSkipsAndSeries() {
        // 25 files + PROVENANCE.md; rtplan_truncated and MR_truncated cannot be read
        String r = DicomInspector.report(SharedData.data("dicom-pydicom-testfiles"));
        assertThat(r).contains("DICOM files read:         23")
                .contains("Non-DICOM files skipped:  1 (PROVENANCE.md)")
                .contains("Unreadable DICOM files:   2")
                .contains("odd/MR_truncated.dcm: tag (7FE0,0010) PixelData at offset 1488: its value is declared as "
                        + "8192 bytes but only 8130 are left in the file: the file is truncated")
                .contains("CT \"SmartScore - Gated 0.5 sec\", 5 files, 16 x 16");
    }

    @Test
    void aFileNamedDcmThatIsNotDicomIsUnreadableNotSkipped() throws Exception {
        Path folder = dir.resolve("scans");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("notes.dcm"), "patient list\nsee the other folder\n");
        Files.writeString(folder.resolve("README.txt"), "scans of the lesion study\n");
        DicomFolderScanner.Result r = DicomFolderScanner.scan(folder);
        assertThat(r.notDicom()).containsExactly(folder.resolve("README.txt"));
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.path().getFileName().toString()).isEqualTo("notes.dcm");
            assertThat(f.problem()).startsWith("is not a DICOM file: no 'DICM' marker at byte 128");
        });
    }

    @Test
    void scanningReportsProgressAndCanBeCancelled() {
        Path folder = SharedData.data("dicom-pydicom-testfiles/series_CT5N");
        List<DicomFolderScanner.Progress> seen = new ArrayList<>();
        DicomFolderScanner.Result r = DicomFolderScanner.scan(folder, seen::add, () -> false);
        assertThat(r.files()).hasSize(5);
        assertThat(seen).extracting(DicomFolderScanner.Progress::done).containsExactly(1, 2, 3, 4, 5);
        assertThat(seen).allSatisfy(p -> assertThat(p.total()).isEqualTo(5));
        assertThat(r.series()).singleElement().satisfies(s -> assertThat(s.files()).hasSize(5));

        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> DicomFolderScanner.scan(folder, p -> { }, () -> polls.incrementAndGet() > 2))
                .isInstanceOf(CancellationException.class).hasMessageContaining("after 2 of 5 files");
    }

    @Test
    void writesTheWindowedFrameAsPng() throws Exception {
        Path png = dir.resolve("out/mr.png");
        DicomInspector.writePng(valid("MR_small.dcm"), png, null);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(64);
        // stored 905 at (0,0) through the file's window 600/1600: ((905 - 599.5) / 1599 + 0.5) * 255 -> 176
        assertThat(img.getRaster().getSample(0, 0, 0)).isEqualTo(176);
        Path narrow = dir.resolve("narrow.png");
        DicomInspector.writePng(valid("MR_small.dcm"), narrow, new Window(905.5, 1));
        assertThat(ImageIO.read(narrow.toFile()).getRaster().getSample(0, 0, 0)).isZero();
        assertThat(Files.size(narrow)).isPositive();
    }
}
