package org.medfed.data.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.medfed.data.dicom.PydicomFilesReaderTest.odd;
import static org.medfed.data.dicom.PydicomFilesReaderTest.valid;

import java.awt.image.BufferedImage;
import java.util.List;
import org.medfed.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decoded pixels of pydicom's test files against values computed without our code:
 * <ul>
 * <li>"numpy": the PixelData bytes located in the file and read with numpy.frombuffer (dtype from the
 * header), rescale applied by hand; deflated data inflated with Python's zlib first;</li>
 * <li>"dcmtk": the file decompressed by DCMTK 3.6.7 {@code dcmdjpeg}, then read the numpy way;</li>
 * <li>"gdcm": the file decompressed by GDCM 3.0.21 {@code gdcmconv --raw} (OpenJPEG, CharLS), then read the
 * numpy way.</li>
 * </ul>
 */
class PydicomFilesPixelTest {

    /** Sum, min, max and mean over every sample of every frame, in modality units. */
    record Stats(double min, double max, double sum, double mean, long count) {
        static Stats of(DicomImage im) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            long n = 0;
            for (int f = 0; f < im.frameCount(); f++) {
                for (float v : im.frame(f)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    n++;
                }
            }
            return new Stats(min, max, sum, sum / n, n);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_RLE.dcm",
        "MR_small_jp2klossless.dcm", "MR_small_jpeg_ls_lossless.dcm"})
    void everyLosslessEncodingOfTheMrImageDecodesToExactlyTheSamePixels(String name) {
        int[] reference = DicomImage.read(valid("MR_small.dcm")).storedValues(0);
        // numpy: int16 little endian at the PixelData offset of MR_small.dcm (not the file tail: 138 bytes of
        // DataSetTrailingPadding follow); the implicit and big-endian twins give the same array
        assertThat(reference).hasSize(4096);
        assertThat(reference[0]).isEqualTo(905);
        assertThat(reference[64 * 32 + 32]).isEqualTo(182);
        assertThat(reference[4095]).isEqualTo(862);
        assertThat(java.util.Arrays.stream(reference).asLongStream().sum()).isEqualTo(2125338);

        DicomImage im = DicomImage.read(valid(name));
        assertThat(im.rows()).isEqualTo(64);
        assertThat(im.columns()).isEqualTo(64);
        assertThat(im.storedValues(0)).isEqualTo(reference);
    }

    @Test
    void theMrImageHasTheStatisticsNumpyGives() {
        Stats s = Stats.of(DicomImage.read(valid("MR_small.dcm")));
        assertThat(s.min()).isEqualTo(127);
        assertThat(s.max()).isEqualTo(2145);
        assertThat(s.mean()).isCloseTo(518.88134765625, within(1e-9));
    }

    @Test
    void ctIsRescaledToHounsfieldUnits() {
        // numpy: int16 + RescaleIntercept -1024 (slope 1)
        DicomImage im = DicomImage.read(valid("CT_small.dcm"));
        Stats s = Stats.of(im);
        assertThat(s.min()).isEqualTo(-896);
        assertThat(s.max()).isEqualTo(1167);
        assertThat(s.sum()).isEqualTo(-1950906);
        float[] hu = im.frame(0);
        assertThat(hu[0]).isEqualTo(-849f);
        assertThat(hu[128 * 64 + 64]).isEqualTo(904f);
        assertThat(im.storedValues(0)[0]).isEqualTo(175); // dcmdump: PixelData OW 00af\...
    }

    @Test
    void bigEndianRgbWithPlanarConfigurationOne() {
        // numpy: 3 planes of 60x80 uint8; per-channel sums 1204602, 1190652, 75462
        DicomImage im = DicomImage.read(valid("ExplVR_BigEnd.dcm"));
        assertThat(im.channels()).isEqualTo(3);
        float[] rgb = im.frame(0);
        int plane = 60 * 80;
        double[] sums = new double[3];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < plane; p++) {
                sums[c] += rgb[c * plane + p];
            }
        }
        assertThat(sums).containsExactly(1204602, 1190652, 75462);
        assertThat(new float[] {rgb[30 * 80 + 40], rgb[plane + 30 * 80 + 40], rgb[2 * plane + 30 * 80 + 40]})
                .containsExactly(255, 255, 0);
        BufferedImage img = im.toImage(0, im.defaultWindow(0));
        assertThat(img.getRGB(40, 30) & 0xFFFFFF).isEqualTo(0xFFFF00);
    }

    @Test
    void deflatedEightBitImage() {
        Stats s = Stats.of(DicomImage.read(valid("image_dfl.dcm")));
        assertThat(s.count()).isEqualTo(512 * 512);
        assertThat(s.sum()).isEqualTo(33322688); // numpy after zlib.decompress(wbits=-15)
        assertThat(s.min()).isZero();
        assertThat(s.max()).isEqualTo(255);
    }

    @Test
    void oneBitSegmentation() {
        // numpy: unpackbits(bitorder='little') gives 36233 set pixels of 512x512
        DicomImage im = DicomImage.read(valid("liver_1frame.dcm"));
        Stats s = Stats.of(im);
        assertThat(s.sum()).isEqualTo(36233);
        assertThat(s.max()).isEqualTo(1);
        assertThat(im.frame(0)[256 * 512 + 256]).isEqualTo(1f);
    }

    @Test
    void thirtyTwoBitMultiFrameDose() {
        // numpy: uint32, 15 frames of 10x10; frame sums 101378000 (first) and 101391000 (last)
        DicomImage im = DicomImage.read(valid("rtdose.dcm"));
        assertThat(im.frameCount()).isEqualTo(15);
        Stats s = Stats.of(im);
        assertThat(s.count()).isEqualTo(1500);
        assertThat(s.sum()).isEqualTo(1519910000.0);
        assertThat(s.min()).isEqualTo(795000);
        assertThat(s.max()).isEqualTo(1254000);
        assertThat(sum(im.frame(0))).isEqualTo(101378000.0);
        assertThat(sum(im.frame(14))).isEqualTo(101391000.0);
        assertThat(im.frame(0)[0]).isEqualTo(1249000f);
    }

    @Test
    void twelveBitJpegExtendedMatchesDcmtkWithinOneGreyLevel() {
        // dcmtk: dcmdjpeg output has mean 14.369991302490234, max 264, sum 3767007; the value at (512, 128) is
        // 14. Our float IDCT may differ from libjpeg's integer IDCT by one level on a few pixels.
        DicomImage im = DicomImage.read(valid("JPGExtended.dcm"));
        assertThat(im.format().bitsStored()).isEqualTo(12);
        Stats s = Stats.of(im);
        assertThat(s.count()).isEqualTo(1024 * 256);
        assertThat(s.min()).isZero();
        assertThat(s.max()).isBetween(263.0, 265.0);
        assertThat(s.mean()).isCloseTo(14.369991302490234, within(0.005));
        assertThat(im.frame(0)[512 * 256 + 128]).isCloseTo(14f, within(1f));
    }

    @Test
    void jpeg2000LossyMatchesOpenJpegWithinOneLevel() {
        // gdcm (OpenJPEG): signed 16-bit, min -30, max 245, mean 13.458160400390625, value 7 at (512, 128)
        DicomImage im = DicomImage.read(valid("JPEG2000.dcm"));
        Stats s = Stats.of(im);
        assertThat(s.min()).isCloseTo(-30, within(1.0));
        assertThat(s.max()).isCloseTo(245, within(1.0));
        assertThat(s.mean()).isCloseTo(13.458160400390625, within(0.001));
        assertThat(im.frame(0)[512 * 256 + 128]).isCloseTo(7f, within(1f));
    }

    @Test
    void jpegBaselineYbrIsConvertedToRgbLikeDcmtkDoes() {
        // dcmtk: dcmdjpeg gives RGB with sum 3832000 and these colours at column 50 of rows 5, 15, ..., 95
        int[][] expected = {{254, 0, 0}, {255, 127, 127}, {0, 255, 5}, {129, 255, 129}, {0, 0, 254},
            {128, 127, 255}, {0, 0, 0}, {64, 64, 64}, {192, 192, 192}, {255, 255, 255}};
        DicomImage im = DicomImage.read(valid("SC_rgb_jpeg_dcmtk.dcm"));
        assertThat(im.format().photometric()).isEqualTo("YBR_FULL");
        float[] rgb = im.frame(0);
        int plane = 100 * 100;
        for (int i = 0; i < expected.length; i++) {
            int p = (5 + 10 * i) * 100 + 50;
            assertThat(new float[] {rgb[p], rgb[plane + p], rgb[2 * plane + p]}).as("row " + (5 + 10 * i))
                    .containsExactly(expected[i][0], expected[i][1], expected[i][2]);
        }
        assertThat(sum(rgb)).isEqualTo(3832000.0);
    }

    @Test
    void theFiveSliceCtSeries() {
        // numpy: int16 - 1024 per file: (min, max, sum)
        List<double[]> expected = List.of(new double[] {-888, 44, -90697}, new double[] {-859, 85, -48364},
                new double[] {-666, 75, -10964}, new double[] {-151, 50, -9701}, new double[] {-156, 44, -17594});
        String[] names = {"2062", "2392", "2693", "3023", "3353"};
        for (int i = 0; i < names.length; i++) {
            DicomImage im = DicomImage.read(SharedData.data("dicom-pydicom-testfiles/series_CT5N/" + names[i]));
            Stats s = Stats.of(im);
            assertThat(new double[] {s.min(), s.max(), s.sum()}).as(names[i]).containsExactly(expected.get(i));
            assertThat(im.fileWindow()).contains(new Window(40, 400));
        }
    }

    @Test
    void theHeaderlessCopyOfCtSmallDecodesLikeTheOriginal() {
        assertThat(Stats.of(DicomImage.read(odd("no_meta.dcm")))).isEqualTo(Stats.of(DicomImage.read(valid("CT_small.dcm"))));
    }

    @Test
    void windowedPictureUsesTheFileWindow() {
        DicomImage im = DicomImage.read(valid("MR_small.dcm"));
        Window w = im.defaultWindow(0);
        assertThat(w).isEqualTo(new Window(600, 1600));
        BufferedImage img = im.toImage(0, w);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        // stored 905 at (0,0): ((905 - 599.5) / 1599 + 0.5) * 255 = 176.22 -> 176
        assertThat(img.getRaster().getSample(0, 0, 0)).isEqualTo(176);
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}
