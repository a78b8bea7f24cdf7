package org.medfed.data.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.medfed.testsupport.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every readable file against the table of shared/data/dicom-pydicom-testfiles/PROVENANCE.md (transfer
 * syntax, modality, rows x columns, bits allocated, frames), header and pixels both: the decoded frames must
 * have the size the table gives.
 */
class ProvenanceTableTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "valid/CT_small.dcm,                  1.2.840.10008.1.2.1,    CT,     128, 128, 16, 1, 1",
        "valid/ExplVR_BigEnd.dcm,             1.2.840.10008.1.2.2,    US,     60,  80,  8,  1, 3",
        "valid/JPEG2000.dcm,                  1.2.840.10008.1.2.4.91, NM,     1024, 256, 16, 1, 1",
        "valid/JPGExtended.dcm,               1.2.840.10008.1.2.4.51, NM,     1024, 256, 16, 1, 1",
        "valid/MR_small.dcm,                  1.2.840.10008.1.2.1,    MR,     64,  64,  16, 1, 1",
        "valid/MR_small_RLE.dcm,              1.2.840.10008.1.2.5,    MR,     64,  64,  16, 1, 1",
        "valid/MR_small_bigendian.dcm,        1.2.840.10008.1.2.2,    MR,     64,  64,  16, 1, 1",
        "valid/MR_small_implicit.dcm,         1.2.840.10008.1.2,      MR,     64,  64,  16, 1, 1",
        "valid/MR_small_jp2klossless.dcm,     1.2.840.10008.1.2.4.90, MR,     64,  64,  16, 1, 1",
        "valid/SC_rgb_jpeg_dcmtk.dcm,         1.2.840.10008.1.2.4.50, OT,     100, 100, 8,  1, 3",
        "valid/image_dfl.dcm,                 1.2.840.10008.1.2.1.99, OT,     512, 512, 8,  1, 1",
        "valid/liver_1frame.dcm,              1.2.840.10008.1.2.1,    SEG,    512, 512, 1,  1, 1",
        "valid/rtdose.dcm,                    1.2.840.10008.1.2,      RTDOSE, 10,  10,  32, 15, 1",
        "series_CT5N/2062,                    1.2.840.10008.1.2.1,    CT,     16,  16,  16, 1, 1",
        "series_CT5N/3353,                    1.2.840.10008.1.2.1,    CT,     16,  16,  16, 1, 1",
        "odd/no_meta.dcm,                     1.2.840.10008.1.2.1,    CT,     128, 128, 16, 1, 1"})
    void headerAndDecodedSizeMatchTheTable(String name, String syntax, String modality, int rows, int columns,
            int bitsAllocated, int frames, int channels) {
        DicomFile f = DicomFile.read(SharedData.data("dicom-pydicom-testfiles/" + name));
        assertThat(f.transferSyntax().uid()).isEqualTo(syntax);
        assertThat(f.getString(Tag.Modality)).isEqualTo(modality);
        DicomImage im = DicomImage.of(f);
        assertThat(im.rows()).isEqualTo(rows);
        assertThat(im.columns()).isEqualTo(columns);
        assertThat(im.format().bitsAllocated()).isEqualTo(bitsAllocated);
        assertThat(im.frameCount()).isEqualTo(frames);
        assertThat(im.channels()).isEqualTo(channels);
        for (int i = 0; i < frames; i++) {
            assertThat(im.frame(i)).hasSize(channels * rows * columns);
            assertThat(im.toImage(i, im.defaultWindow(i)).getWidth()).isEqualTo(columns);
        }
    }
}
