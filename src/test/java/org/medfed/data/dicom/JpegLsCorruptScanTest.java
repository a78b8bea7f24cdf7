package org.medfed.data.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;

/**
 * A damaged JPEG-LS scan is refused in words; it never hangs. One changed byte in the scan of dcmtk's 16-bit image
 * with presets (RESET 8) feeds a context errors until its sum passes 2^30 times its count, where the Golomb
 * parameter's search in int shifts wrapped round and never ended (about 1 damaged input in 500 did, in a comparison
 * of the decoder before and after it was split into classes).
 */
class JpegLsCorruptScanTest {

    private static final Path FIXTURE = Path.of("src/test/resources/org/medfed/data/dicom/dcmtk/jls80_s16_presets.dcm");

    @Test
    void aScanWhoseErrorsGrowWithoutBoundIsRefusedNotDecodedForever() throws Exception {
        byte[] stream = codestream(Files.readAllBytes(FIXTURE));
        JpegLsDecoder.Decoded intact = JpegLsDecoder.decode(stream, FIXTURE, 0, Long.MAX_VALUE);
        assertThat(intact.width() * intact.height()).isEqualTo(intact.samples().length);

        assertThat(stream[52] & 0xFF).isEqualTo(0xD4); // a byte of coded data, after the scan header
        stream[52] = 0x08;
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                () -> JpegLsDecoder.decode(stream, Path.of("damaged.dcm"), 0, Long.MAX_VALUE))
                .isInstanceOf(BadInputException.class)
                .hasMessage("damaged.dcm tag (7FE0,0010) PixelData frame 1: the JPEG-LS data is corrupt (a context's "
                        + "mean error beyond any 16-bit sample's)"));
    }

    /** The one frame's JPEG-LS codestream inside the file's encapsulated pixel data, from FF D8 to FF D9. */
    private static byte[] codestream(byte[] file) {
        for (int i = 0; i + 3 < file.length; i++) {
            if ((file[i] & 0xFF) == 0xFF && (file[i + 1] & 0xFF) == 0xD8 && (file[i + 2] & 0xFF) == 0xFF
                    && (file[i + 3] & 0xFF) == 0xF7) {
                for (int j = i + 4; j + 1 < file.length; j++) {
                    if ((file[j] & 0xFF) == 0xFF && (file[j + 1] & 0xFF) == 0xD9) {
                        return java.util.Arrays.copyOfRange(file, i, j + 2);
                    }
                }
            }
        }
        throw new AssertionError("no JPEG-LS codestream in " + FIXTURE);
    }
}
