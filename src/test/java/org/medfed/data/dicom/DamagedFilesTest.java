package org.medfed.data.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.medfed.engine.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of valid files (cut short at many offsets, bytes overwritten at seeded random places) must
 * either read or fail with a {@link BadInputException}: never another exception, which would reach the user
 * as a stack trace.
 */
class DamagedFilesTest {

    @TempDir
    Path dir;

    @Test
    void truncatedAndCorruptedFilesFailOnlyWithBadInput() throws Exception {
        List<Path> originals = new ArrayList<>();
        for (String name : List.of("rle_u12_3frames.dcm", "jpeg70_u12_3frames.dcm", "jpeg51_u12_3frames.dcm",
                "jpeg50_rgb8.dcm", "deflate_s16.dcm")) {
            originals.add(DcmtkFixturesTest.fixture(name));
        }
        DicomObject ds = SyntheticImages.header(4, 4, 2, 1, 16, true, "MONOCHROME2")
                .putSequence(0x00101002, List.of(DicomObject.builder().putString(Tag.PatientID, Vr.LO, "X").build()))
                .putBytes(Tag.PixelData, Vr.OW, new byte[64]).build();
        for (TransferSyntax ts : List.of(TransferSyntax.IMPLICIT_VR_LE, TransferSyntax.EXPLICIT_VR_BE)) {
            Path p = dir.resolve(ts.name() + ".dcm");
            DicomWriter.write(p, ds, ts);
            originals.add(p);
        }
        SplittableRandom rnd = new SplittableRandom(2024);
        int tried = 0;
        int rejected = 0;
        for (Path original : originals) {
            byte[] bytes = Files.readAllBytes(original);
            for (int cut = 0; cut < bytes.length; cut += Math.max(1, bytes.length / 97)) {
                rejected += attempt(java.util.Arrays.copyOf(bytes, cut), original + " cut at " + cut);
                tried++;
            }
            for (int k = 0; k < 150; k++) {
                byte[] damaged = bytes.clone();
                int changes = 1 + rnd.nextInt(4);
                for (int c = 0; c < changes; c++) {
                    damaged[132 + rnd.nextInt(damaged.length - 132)] = (byte) rnd.nextInt(256);
                }
                rejected += attempt(damaged, original + " corruption " + k);
                tried++;
            }
        }
        assertThat(tried).isGreaterThan(1000);
        assertThat(rejected).isGreaterThan(tried / 4);
    }

    /** 1 when the damaged file was rejected with a BadInputException, 0 when it still read. */
    private int attempt(byte[] content, String what) throws Exception {
        Path p = dir.resolve("damaged.dcm");
        Files.write(p, content);
        try {
            DicomImage im = DicomImage.read(p);
            for (int f = 0; f < im.frameCount(); f++) {
                im.frame(f);
                im.toImage(f, im.defaultWindow(f));
            }
            return 0;
        } catch (BadInputException expected) {
            assertThat(expected.getMessage()).startsWith("damaged.dcm");
            return 1;
        } catch (RuntimeException | OutOfMemoryError e) {
            fail(what + ": " + e, e);
            return -1;
        }
    }
}
