package org.medfed.data.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.medfed.engine.BadInputException;
import org.medfed.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Reading headers of pydicom's public test files. Expected tag values are those DCMTK's dcmdump 3.6.7 prints
 * for the same files, and the table in shared/data/dicom-pydicom-testfiles/PROVENANCE.md.
 */
class PydicomFilesReaderTest {

    static Path valid(String name) {
        return SharedData.data("dicom-pydicom-testfiles/valid/" + name);
    }

    static Path odd(String name) {
        return SharedData.data("dicom-pydicom-testfiles/odd/" + name);
    }

    /**
     * The JPEG-LS MR image as if it were JPEG 2000 Part 2 (its transfer syntax UID, of the same length, swapped):
     * a syntax whose dataset we read and whose pixels no decoder of ours takes.
     */
    static Path withoutADecoder(Path dir) {
        try {
            String bytes = new String(java.nio.file.Files.readAllBytes(valid("MR_small_jpeg_ls_lossless.dcm")),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            return java.nio.file.Files.write(dir.resolve("x.dcm"), bytes.replace("1.2.840.10008.1.2.4.80",
                    "1.2.840.10008.1.2.4.92").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void readsTheMainTagsOfAnExplicitLittleEndianCt() {
        DicomFile f = DicomFile.read(valid("CT_small.dcm"));
        DicomObject ds = f.dataset();
        assertThat(f.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LE);
        assertThat(f.warnings()).isEmpty();
        assertThat(ds.getString(Tag.Modality)).isEqualTo("CT");
        assertThat(ds.getString("Modality")).isEqualTo("CT");
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("CompressedSamples^CT1");
        assertThat(ds.getString(Tag.PatientID)).isEqualTo("1CT1");
        assertThat(ds.getString(Tag.StudyInstanceUID)).isEqualTo("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322");
        assertThat(ds.getString(Tag.SeriesInstanceUID)).isEqualTo("1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322");
        assertThat(ds.getString(Tag.SOPInstanceUID)).isEqualTo("1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322");
        assertThat(ds.getInt(Tag.Rows, -1)).isEqualTo(128);
        assertThat(ds.getInt(Tag.Columns, -1)).isEqualTo(128);
        assertThat(ds.getDoubles(Tag.PixelSpacing)).containsExactly(0.661468, 0.661468);
        assertThat(ds.getDouble(Tag.SliceThickness, 0)).isEqualTo(5.0);
        assertThat(ds.getDouble(Tag.RescaleIntercept, 0)).isEqualTo(-1024.0);
        assertThat(ds.getStrings(Tag.ImageType)).containsExactly("ORIGINAL", "PRIMARY", "AXIAL");
        assertThat(f.meta().getString(Tag.TransferSyntaxUID)).isEqualTo("1.2.840.10008.1.2.1");
    }

    @Test
    void readsNestedSequencesOfDefinedAndUndefinedLength() {
        // CT_small: OtherPatientIDsSequence (0010,1002) with two items, as dcmdump shows
        DicomObject ct = DicomFile.read(valid("CT_small.dcm")).dataset();
        assertThat(ct.getSequence(0x00101002)).extracting(item -> item.getString(Tag.PatientID))
                .containsExactly("ABCD1234", "1234ABCD");
        // the ECG: WaveformAnnotationSequence (0040,B020), undefined length, 77 items (dcmdump: #=77)
        DicomObject ecg = DicomFile.read(valid("waveform_ecg.dcm")).dataset();
        assertThat(ecg.getSequence(0x0040B020)).hasSize(77);
        assertThat(ecg.getString(Tag.PatientID)).isEqualTo("642341");
        // the SEG: SegmentSequence > item > SegmentLabel "Liver"
        DicomObject seg = DicomFile.read(valid("liver_1frame.dcm")).dataset();
        assertThat(seg.getSequence(0x00620002)).singleElement()
                .satisfies(item -> assertThat(item.getString(0x00620005)).isEqualTo("Liver"));
    }

    @Test
    void readsImplicitBigEndianAndDeflatedSyntaxes() {
        assertThat(DicomFile.read(valid("MR_small_implicit.dcm")).transferSyntax())
                .isEqualTo(TransferSyntax.IMPLICIT_VR_LE);
        DicomFile be = DicomFile.read(valid("MR_small_bigendian.dcm"));
        assertThat(be.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_BE);
        assertThat(be.dataset().getInt(Tag.Rows, -1)).isEqualTo(64);
        assertThat(be.dataset().getDouble(Tag.WindowWidth, 0)).isEqualTo(1600);
        DicomFile dfl = DicomFile.read(valid("image_dfl.dcm"));
        assertThat(dfl.transferSyntax()).isEqualTo(TransferSyntax.DEFLATED_EXPLICIT_VR_LE);
        assertThat(dfl.dataset().getInt(Tag.Columns, -1)).isEqualTo(512);
        assertThat(dfl.dataset().element(Tag.PixelData).length()).isEqualTo(262144);
        DicomFile dose = DicomFile.read(valid("rtdose.dcm"));
        assertThat(dose.dataset().getInt(Tag.NumberOfFrames, 1)).isEqualTo(15);
    }

    @Test
    void readsEncapsulatedPixelDataAsFragmentsAfterTheBasicOffsetTable() {
        DicomElement px = DicomFile.read(valid("SC_rgb_jpeg_dcmtk.dcm")).dataset().element(Tag.PixelData);
        assertThat(px.isFragments()).isTrue();
        assertThat(px.fragments()).hasSize(2);
        assertThat(px.fragments().get(0)).hasSize(4); // one frame: one offset, 0
        assertThat(px.fragments().get(1)[0] & 0xFF).isEqualTo(0xFF); // JPEG SOI
        assertThat(px.fragments().get(1)[1] & 0xFF).isEqualTo(0xD8);
    }

    @Test
    void readHeaderStopsBeforeThePixelData() {
        DicomFile f = DicomFile.readHeader(valid("CT_small.dcm"));
        assertThat(f.pixelDataSkipped()).isTrue();
        assertThat(f.hasPixelData()).isTrue();
        assertThat(f.dataset().contains(Tag.PixelData)).isFalse();
        assertThat(f.dataset().getString(Tag.Modality)).isEqualTo("CT");
        assertThat(DicomFile.readHeader(valid("waveform_ecg.dcm")).hasPixelData()).isFalse();
    }

    @Test
    void aFileWithoutPreambleIsReadLenientlyFromOffsetOne() {
        // PROVENANCE.md: no preamble, no DICM, first byte 0x20, explicit VR LE dataset of CT_small from offset 1
        DicomFile f = DicomFile.read(odd("no_meta.dcm"));
        assertThat(f.meta().size()).isZero();
        assertThat(f.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LE);
        assertThat(f.warnings()).anySatisfy(w -> assertThat(w).contains("no 'DICM' marker").contains("byte 1"));
        assertThat(f.dataset().getString(Tag.Modality)).isEqualTo("CT");
        assertThat(f.dataset().getInt(Tag.Rows, -1)).isEqualTo(128);
        DicomFile twin = DicomFile.read(valid("CT_small.dcm"));
        assertThat(DicomImage.of(f).storedValues(0)).isEqualTo(DicomImage.of(twin).storedValues(0));
    }

    @Test
    void aMetaWithoutTransferSyntaxIsReadAsTheSyntaxTheDatasetLooksLike() {
        DicomFile f = DicomFile.read(odd("meta_missing_tsyntax.dcm"));
        assertThat(f.transferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_VR_LE);
        assertThat(f.warnings()).singleElement().asString().contains("(0002,0010)");
        // dcmdump +E: (0001,0001) SQ > item > (0001,0001) SQ > item > (0001,0001) "Double Nested SQ"
        DicomObject inner = f.dataset().getSequence(0x00010001).get(0).getSequence(0x00010001).get(0);
        assertThat(inner.getString(0x00010001)).isEqualTo("Double Nested SQ");
        assertThat(f.dataset().getSequence(0x00010001).get(0).getString(0x00010002)).isEqualTo("Nested SQ");
        // it has 2 bytes of pixel data but no image description: asking for pixels names what is missing
        assertThatThrownBy(() -> DicomImage.of(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("meta_missing_tsyntax.dcm").hasMessageContaining("(0028,0010) Rows")
                .hasMessageContaining("missing");
    }

    @Test
    void truncatedFilesNameTheTagTheOffsetAndTheBytesLeft() {
        // PROVENANCE.md: 7FE0,0010 declared 8192 bytes, only 8130 left
        assertThatThrownBy(() -> DicomFile.read(odd("MR_truncated.dcm"))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("MR_truncated.dcm tag (7FE0,0010) PixelData at offset ")
                .hasMessageContaining("declared as 8192 bytes but only 8130 are left").hasMessageContaining("truncated");
        // PROVENANCE.md: 300A,00B0 declared 976 bytes, only 711 left
        assertThatThrownBy(() -> DicomFile.read(odd("rtplan_truncated.dcm"))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("rtplan_truncated.dcm tag (300A,00B0) BeamSequence")
                .hasMessageContaining("976 bytes but only 711");
    }

    @Test
    void anInvalidIntegerStringIsReportedWithItsTag() {
        DicomFile f = DicomFile.read(odd("badVR.dcm"));
        assertThat(f.dataset().getString(Tag.Modality)).isEqualTo("RTDOSE");
        assertThatThrownBy(() -> DicomImage.of(f)).isInstanceOf(BadInputException.class)
                .hasMessage("badVR.dcm tag (0028,0008) NumberOfFrames: value '1A' is not an integer string (IS) "
                        + "such as '15'");
    }

    @Test
    void jpegLsIsReadAndItsPixelsDecoded() {
        DicomFile f = DicomFile.read(valid("MR_small_jpeg_ls_lossless.dcm"));
        assertThat(f.transferSyntax()).isEqualTo(TransferSyntax.JPEG_LS_LOSSLESS);
        assertThat(f.dataset().getString(Tag.Modality)).isEqualTo("MR");
        assertThat(DicomImage.of(f).storedValues(0)).hasSize(64 * 64); // every value: PydicomFilesPixelTest
    }

    @Test
    void aSyntaxWithoutADecoderIsReadButItsPixelsAreRefusedByName(@org.junit.jupiter.api.io.TempDir Path dir) {
        DicomFile f = DicomFile.read(withoutADecoder(dir));
        assertThat(f.dataset().getString(Tag.Modality)).isEqualTo("MR");
        assertThatThrownBy(() -> DicomImage.of(f)).isInstanceOf(BadInputException.class)
                .hasMessage("x.dcm: transfer syntax 1.2.840.10008.1.2.4.92 (JPEG 2000 Part 2 Multi-component "
                        + "Lossless) is not supported");
    }

    @Test
    void aWaveformHasNoPixelsAndSaysSo() {
        assertThatThrownBy(() -> DicomImage.read(valid("waveform_ecg.dcm"))).isInstanceOf(BadInputException.class)
                .hasMessage("waveform_ecg.dcm: has no pixel data (7FE0,0010) (it is a ECG object, not an image)");
    }

    @Test
    void aTextFileIsNotDicom() {
        assertThatThrownBy(() -> DicomFile.read(SharedData.data("dicom-pydicom-testfiles/PROVENANCE.md")))
                .isInstanceOf(NotDicomException.class).hasMessageContaining("is not a DICOM file");
    }
}
