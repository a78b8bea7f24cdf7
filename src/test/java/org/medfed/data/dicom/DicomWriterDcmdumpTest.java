package org.medfed.data.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DCMTK reads what our writer writes, in every syntax the writer supports, without a warning. */
class DicomWriterDcmdumpTest {

    @TempDir
    Path dir;

    @Test
    void dcmdumpAcceptsEveryNativeSyntaxWeWrite() throws Exception {
        Dcmdump.require();
        DicomObject item = DicomObject.builder().putString(Tag.PatientID, Vr.LO, "OTHER").build();
        DicomObject ds = SyntheticImages.header(2, 2, 1, 1, 16, true, "MONOCHROME2")
                .putString(Tag.PatientName, Vr.PN, "Test^Odd")
                .putSequence(0x00101002, List.of(item))
                .putBytes(Tag.PixelData, Vr.OW, SyntheticImages.le16(1, -2, 3, -4)).build();
        List<Path> files = new ArrayList<>();
        for (TransferSyntax ts : List.of(TransferSyntax.IMPLICIT_VR_LE, TransferSyntax.EXPLICIT_VR_LE,
                TransferSyntax.EXPLICIT_VR_BE, TransferSyntax.DEFLATED_EXPLICIT_VR_LE)) {
            Path f = dir.resolve(ts.name() + ".dcm");
            DicomWriter.write(f, ds, ts);
            files.add(f);
        }
        Dcmdump.Result r = Dcmdump.run(files);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("[Test^Odd]").contains("[OTHER]")
                .contains("=LittleEndianImplicit").contains("=BigEndianExplicit")
                .contains("=DeflatedLittleEndianExplicit");
    }

    @Test
    void theCheckCanFail() throws Exception {
        // negative control: a file cut inside its pixel data must make dcmdump complain
        Dcmdump.require();
        DicomObject ds = SyntheticImages.header(8, 8, 1, 1, 16, false, "MONOCHROME2")
                .putBytes(Tag.PixelData, Vr.OW, new byte[128]).build();
        byte[] bytes = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LE);
        Path cut = dir.resolve("cut.dcm");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        Dcmdump.Result r = Dcmdump.run(List.of(cut));
        assertThat(r.exitCode() != 0 || !r.stderr().isEmpty()).isTrue();
    }
}
