package org.medfed.data.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfed.data.dicom.SyntheticImages.bytes;
import static org.medfed.data.dicom.SyntheticImages.header;
import static org.medfed.data.dicom.SyntheticImages.le16;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.medfed.engine.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hand-made files whose every pixel is known: the writer, each native syntax, RLE, layouts and errors. */
class SyntheticDicomTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = TransferSyntax.class, names = {"IMPLICIT_VR_LE", "EXPLICIT_VR_LE", "EXPLICIT_VR_BE",
        "DEFLATED_EXPLICIT_VR_LE"})
    void aSignedMultiFrameImageSurvivesEveryNativeSyntax(TransferSyntax ts) {
        // 2 frames of 2x3, signed 16-bit, rescale 2 / -10, window 0 / 100, a sequence with a nested item
        DicomObject item = DicomObject.builder().putString(Tag.PatientID, Vr.LO, "OTHER-7").build();
        DicomObject ds = header(2, 3, 2, 1, 16, true, "MONOCHROME2")
                .putString(Tag.RescaleSlope, Vr.DS, "2")
                .putString(Tag.RescaleIntercept, Vr.DS, "-10")
                .putString(Tag.WindowCenter, Vr.DS, "0")
                .putString(Tag.WindowWidth, Vr.DS, "100")
                .putSequence(0x00101002, List.of(item))
                .putBytes(Tag.PixelData, Vr.OW, le16(0, 1, -1, 32767, -32768, 100, 7, 8, 9, 10, 11, 12))
                .build();
        Path f = dir.resolve("img.dcm");
        DicomWriter.write(f, ds, ts);
        DicomFile read = DicomFile.read(f);
        assertThat(read.transferSyntax()).isEqualTo(ts);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.dataset().getString(Tag.PatientID)).isEqualTo("TEST-1");
        assertThat(read.dataset().getSequence(0x00101002).get(0).getString(Tag.PatientID)).isEqualTo("OTHER-7");
        DicomImage im = DicomImage.of(read);
        assertThat(im.frameCount()).isEqualTo(2);
        assertThat(im.storedValues(0)).containsExactly(0, 1, -1, 32767, -32768, 100);
        assertThat(im.storedValues(1)).containsExactly(7, 8, 9, 10, 11, 12);
        // 2 * stored - 10
        assertThat(im.frame(0)).containsExactly(-10f, -8f, -12f, 65524f, -65546f, 190f);
        assertThat(im.fileWindow()).contains(new Window(0, 100));
    }

    @Test
    void planarRgbIsInterleavedAndMonochrome1IsInvertedOnlyForDisplay() {
        // 1x2 RGB, planar: R plane (10, 20), G plane (30, 40), B plane (50, 60)
        DicomObject rgb = header(1, 2, 1, 3, 8, false, "RGB").putInt(Tag.PlanarConfiguration, Vr.US, 1)
                .putBytes(Tag.PixelData, Vr.OB, bytes(10, 20, 30, 40, 50, 60)).build();
        Path f = dir.resolve("rgb.dcm");
        DicomWriter.write(f, rgb);
        DicomImage im = DicomImage.read(f);
        assertThat(im.storedValues(0)).containsExactly(10, 30, 50, 20, 40, 60);
        assertThat(im.frame(0)).containsExactly(10f, 20f, 30f, 40f, 50f, 60f);
        assertThat(im.toImage(0, im.defaultWindow(0)).getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x14283C);

        DicomObject mono1 = header(1, 2, 1, 1, 8, false, "MONOCHROME1")
                .putBytes(Tag.PixelData, Vr.OB, bytes(0, 255)).build();
        Path g = dir.resolve("mono1.dcm");
        DicomWriter.write(g, mono1);
        DicomImage m = DicomImage.read(g);
        assertThat(m.frame(0)).containsExactly(0f, 255f);
        BufferedImage img = m.toImage(0, Window.minMax(0, 255));
        assertThat(img.getRaster().getSample(0, 0, 0)).isEqualTo(255);
        assertThat(img.getRaster().getSample(1, 0, 0)).isZero();
    }

    @Test
    void nativeYbrFullIsConvertedToRgb() {
        // Y=128, Cb=128, Cr=255 -> R = 128 + 1.402*127 = 306 -> 255, G = 128 - 0.714136*127 = 37.3 -> 37, B = 128
        DicomObject ybr = header(1, 1, 1, 3, 8, false, "YBR_FULL")
                .putBytes(Tag.PixelData, Vr.OB, bytes(128, 128, 255)).build();
        Path f = dir.resolve("ybr.dcm");
        DicomWriter.write(f, ybr);
        assertThat(DicomImage.read(f).frame(0)).containsExactly(255f, 37f, 128f);
    }

    @Test
    void rleFramesBuiltByHandDecode() {
        // 2x2, 16-bit: values 0x0102, 0x0102, 0x0304, 0x0506. Segment 1 (high bytes): run of two 0x01 then
        // literals 03 05; segment 2 (low bytes): literals 02 02 04 06
        byte[] seg1 = bytes(-1, 0x01, 1, 0x03, 0x05);
        byte[] seg2 = bytes(3, 0x02, 0x02, 0x04, 0x06);
        byte[] frame = new byte[64 + seg1.length + seg2.length];
        frame[0] = 2;
        frame[4] = 64;
        frame[8] = (byte) (64 + seg1.length);
        System.arraycopy(seg1, 0, frame, 64, seg1.length);
        System.arraycopy(seg2, 0, frame, 64 + seg1.length, seg2.length);
        DicomObject ds = header(2, 2, 1, 1, 16, false, "MONOCHROME2")
                .putFragments(Tag.PixelData, List.of(new byte[0], frame)).build();
        Path f = dir.resolve("rle.dcm");
        DicomWriter.write(f, ds, TransferSyntax.RLE_LOSSLESS);
        assertThat(DicomImage.read(f).storedValues(0)).containsExactly(0x0102, 0x0102, 0x0304, 0x0506);

        byte[] shortSegment = frame.clone();
        shortSegment[64 + 1] = 0; // run byte becomes a literal: the high-byte plane now decodes too few bytes
        DicomObject bad = header(2, 2, 1, 1, 16, false, "MONOCHROME2")
                .putFragments(Tag.PixelData, List.of(new byte[0], java.util.Arrays.copyOf(shortSegment, 64 + 2)))
                .build();
        Path g = dir.resolve("rle-bad.dcm");
        DicomWriter.write(g, bad, TransferSyntax.RLE_LOSSLESS);
        assertThatThrownBy(() -> DicomImage.read(g).storedValues(0)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("rle-bad.dcm tag (7FE0,0010) PixelData frame 1: RLE segment");
    }

    @Test
    void tooLittlePixelDataIsNamed() {
        DicomObject ds = header(4, 4, 1, 1, 16, false, "MONOCHROME2")
                .putBytes(Tag.PixelData, Vr.OW, le16(1, 2, 3)).build();
        Path f = dir.resolve("short.dcm");
        DicomWriter.write(f, ds);
        assertThatThrownBy(() -> DicomImage.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage("short.dcm tag (7FE0,0010) PixelData: holds 6 bytes, but 1 frame(s) of 4 x 4 pixels "
                        + "with 1 sample(s) of 16 bits need 32");
    }

    @Test
    void anUnknownTransferSyntaxIsRefusedWithItsUid() throws Exception {
        DicomObject ds = header(1, 1, 1, 1, 8, false, "MONOCHROME2").putBytes(Tag.PixelData, Vr.OB, bytes(1)).build();
        byte[] file = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LE);
        String text = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("1.2.840.10008.1.2.1\0", "1.2.3.4.5.6.7.8.9\0\0\0");
        Path f = dir.resolve("odd-ts.dcm");
        Files.write(f, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> DicomFile.read(f)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("odd-ts.dcm tag (0002,0010) TransferSyntaxUID: transfer syntax 1.2.3.4.5.6.7.8.9 "
                        + "is not one we know");
    }

    @Test
    void bytesThatAreNotAVrAreReportedWithTheirOffset() throws Exception {
        DicomObject ds = header(1, 1, 1, 1, 8, false, "MONOCHROME2").putBytes(Tag.PixelData, Vr.OB, bytes(1)).build();
        byte[] file = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LE);
        String text = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("CS", text.indexOf("DICM") + 200); // the VR of Modality, in the dataset
        file[at] = 'x';
        file[at + 1] = 'y';
        Path f = dir.resolve("bad-vr.dcm");
        Files.write(f, file);
        assertThatThrownBy(() -> DicomFile.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage("bad-vr.dcm tag (0008,0060) Modality at offset " + (at - 4)
                        + ": the bytes 'xy' are not a value representation (VR); the file is damaged or not in the "
                        + "transfer syntax it declares");
    }

    @Test
    void emptyAndMissingFilesAreClear() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.dcm"));
        assertThatThrownBy(() -> DicomFile.read(empty)).isInstanceOf(NotDicomException.class)
                .hasMessageStartingWith("empty.dcm: is not a DICOM file");
        assertThatThrownBy(() -> DicomFile.read(dir.resolve("none.dcm"))).isInstanceOf(BadInputException.class)
                .hasMessage("none.dcm: file not found");
    }
}
