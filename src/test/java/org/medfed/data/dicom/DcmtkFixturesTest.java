package org.medfed.data.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our synthetic images compressed by DCMTK (see {@code dcmtk/README.md} in the test resources): lossless
 * ones must give back the formula exactly; lossy ones must match DCMTK's own decoding.
 */
class DcmtkFixturesTest {

    static Path fixture(String name) {
        try {
            return Path.of(DcmtkFixturesTest.class.getResource("dcmtk/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static int u12(int f, int y, int x) {
        return (1000 * f + 97 * y + 13 * x) % 4096;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg70_u12_3frames.dcm", "jpeg57_u12_3frames.dcm", "rle_u12_3frames.dcm",
        "jls80_u12_3frames.dcm"})
    void losslessMultiFrameGivesBackEveryValue(String name) {
        DicomFile file = DicomFile.read(fixture(name));
        // DCMTK writes one fragment per frame and a basic offset table of 3 entries
        assertThat(file.dataset().element(Tag.PixelData).fragments().get(0)).hasSize(12);
        DicomImage im = DicomImage.of(file);
        assertThat(im.frameCount()).isEqualTo(3);
        for (int f = 0; f < 3; f++) {
            int[] v = im.storedValues(f);
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 32; x++) {
                    assertThat(v[y * 32 + x]).as("%s frame %d (%d,%d)", name, f, y, x).isEqualTo(u12(f, y, x));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg70_s16.dcm", "deflate_s16.dcm", "jls80_s16.dcm", "jls80_s16_presets.dcm"})
    void signedSixteenBitGivesBackEveryValue(String name) {
        DicomImage im = DicomImage.read(fixture(name));
        assertThat(im.format().signed()).isTrue();
        int[] v = im.storedValues(0);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                assertThat(v[y * 32 + x]).isEqualTo((131 * y + 29 * x) % 8000 - 4000);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg70_rgb8.dcm", "jls80_rgb8_line.dcm", "jls80_rgb8_none.dcm", "jls80_rgb8_sample.dcm"})
    void losslessRgbGivesBackEveryValue(String name) {
        DicomImage im = DicomImage.read(fixture(name));
        float[] rgb = im.frame(0);
        int plane = 24 * 32;
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                int p = y * 32 + x;
                assertThat(new float[] {rgb[p], rgb[plane + p], rgb[2 * plane + p]}).containsExactly(8 * x, 10 * y, 128);
            }
        }
    }

    @Test
    void baselineYbr422MatchesDcmtkWithinTwoLevels() {
        // chroma upsampling and YCbCr rounding differ slightly between libjpeg builds
        assertMaxDifference("jpeg50_rgb8.dcm", "jpeg50_rgb8.dcmtk-decoded.dcm", 2);
    }

    @Test
    void twelveBitExtendedMatchesDcmtkWithinOneLevel() {
        assertMaxDifference("jpeg51_u12_3frames.dcm", "jpeg51_u12_3frames.dcmtk-decoded.dcm", 1);
    }

    @Test
    void nearLosslessJpegLsMatchesDcmtkExactlyAndTheImageWithinItsNear() {
        // decoding is exact arithmetic: ours and DCMTK's (CharLS) give the same values; NEAR 3 bounds the loss
        assertMaxDifference("jls81_u12_3frames_near3.dcm", "jls81_u12_3frames_near3.dcmtk-decoded.dcm", 0);
        DicomImage im = DicomImage.read(fixture("jls81_u12_3frames_near3.dcm"));
        int worst = 0;
        for (int f = 0; f < 3; f++) {
            int[] v = im.storedValues(f);
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 32; x++) {
                    worst = Math.max(worst, Math.abs(v[y * 32 + x] - u12(f, y, x)));
                }
            }
        }
        assertThat(worst).isBetween(1, 3);
    }

    @Test
    void nearLosslessSampleInterleavedRgbMatchesDcmtkExactly() {
        assertMaxDifference("jls81_rgb8_sample_near2.dcm", "jls81_rgb8_sample_near2.dcmtk-decoded.dcm", 0);
    }

    private static void assertMaxDifference(String compressed, String reference, double tolerance) {
        DicomImage ours = DicomImage.read(fixture(compressed));
        DicomImage theirs = DicomImage.read(fixture(reference));
        assertThat(ours.frameCount()).isEqualTo(theirs.frameCount());
        for (int f = 0; f < ours.frameCount(); f++) {
            float[] a = ours.frame(f);
            float[] b = theirs.frame(f);
            assertThat(a).hasSameSizeAs(b);
            double max = 0;
            for (int i = 0; i < a.length; i++) {
                max = Math.max(max, Math.abs(a[i] - b[i]));
            }
            assertThat(max).as("frame %d", f).isLessThanOrEqualTo(tolerance);
        }
    }
}
