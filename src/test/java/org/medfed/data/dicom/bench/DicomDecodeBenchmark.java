package org.medfed.data.dicom.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.medfed.data.dicom.DicomImage;
import org.medfed.testsupport.SharedData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Files read and decoded per second, one transfer syntax per file: each operation opens the file, parses it,
 * and decodes every frame to floats in modality units (what a data loader does). Not a test: run on demand,
 * see docs/dicom.md for the command and the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DicomDecodeBenchmark {

    /** pydicom files under shared/data, or our DCMTK fixtures (prefix "fixture:"). */
    @Param({
        "valid/MR_small.dcm",
        "valid/MR_small_implicit.dcm",
        "valid/MR_small_bigendian.dcm",
        "valid/image_dfl.dcm",
        "valid/MR_small_RLE.dcm",
        "valid/MR_small_jpeg_ls_lossless.dcm",
        "fixture:jls81_u12_3frames_near3.dcm",
        "fixture:jpeg70_u12_3frames.dcm",
        "fixture:jpeg57_u12_3frames.dcm",
        "valid/SC_rgb_jpeg_dcmtk.dcm",
        "valid/JPGExtended.dcm",
        "valid/MR_small_jp2klossless.dcm",
        "valid/JPEG2000.dcm",
        "valid/CT_small.dcm"})
    public String file;

    private Path path;

    @Setup(Level.Trial)
    public void locate() throws URISyntaxException {
        if (file.startsWith("fixture:")) {
            path = Path.of(DicomDecodeBenchmark.class.getResource("/org/medfed/data/dicom/dcmtk/"
                    + file.substring("fixture:".length())).toURI());
        } else {
            path = SharedData.root().resolve("data/dicom-pydicom-testfiles").resolve(file);
        }
        if (!Files.exists(path)) {
            throw new IllegalStateException("benchmark input missing: " + path);
        }
    }

    @Benchmark
    public void readAndDecode(Blackhole bh) {
        DicomImage im = DicomImage.read(path);
        for (int f = 0; f < im.frameCount(); f++) {
            bh.consume(im.frame(f));
        }
    }
}
