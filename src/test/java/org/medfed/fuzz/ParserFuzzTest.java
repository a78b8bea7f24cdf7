package org.medfed.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvNumber;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.TableProfiler;
import org.medfed.data.dicom.DicomImage;
import org.medfed.data.vcf.VariantRecord;
import org.medfed.data.vcf.VcfReader;
import org.medfed.engine.BadInputException;
import org.medfed.project.ModelCardFile;
import org.medfed.project.StudyFile;

/**
 * Coverage-guided fuzzing (Jazzer) of the five parsers a user's files reach: the CSV reader, the study-file reader,
 * the DICOM reader, the VCF reader and the model-card reader. The property: every input ends in a result or in our
 * {@link BadInputException}; any other exception, an out-of-memory or a stack overflow is a finding.
 *
 * <p>In the ordinary test run (regression mode) each target reads the files under
 * {@code src/test/resources/org/medfed/fuzz/ParserFuzzTestInputs/<target>/}: the seeds, and every finding kept
 * since. The build then fuzzes each target for a few seconds in a JVM of its own ({@code JAZZER_FUZZ=1}: Jazzer runs
 * one fuzz test per JVM), see the {@code fuzz-*} executions in pom.xml; {@code scripts/fuzz.sh} fuzzes longer.
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void csv(byte[] input) {
        parse(input, "data.csv", file -> {
            CsvTable t = CsvReader.read(file, CsvFormat.defaults());
            TableProfiler.profile(t);
            for (String[] row : t.rows()) {
                for (String v : row) {
                    if (CsvReader.isNumber(v)) {
                        CsvNumber.problem("c", v);
                    }
                }
            }
        });
    }

    @FuzzTest(maxDuration = "10s")
    void studyFile(byte[] input) {
        parse(input, "study.json", StudyFile::load);
    }

    @FuzzTest(maxDuration = "10s")
    void dicom(byte[] input) {
        parse(input, "image.dcm", file -> {
            DicomImage im = DicomImage.read(file);
            for (int f = 0; f < Math.min(2, im.frameCount()); f++) {
                im.frame(f);
                im.toImage(f, im.defaultWindow(f));
            }
        });
    }

    @FuzzTest(maxDuration = "10s")
    void vcf(byte[] input) {
        parse(input, "genotypes.vcf", file -> {
            try (VcfReader reader = VcfReader.open(file)) {
                for (VariantRecord v = reader.next(); v != null; v = reader.next()) {
                    v.dosages();
                }
            }
        });
    }

    @FuzzTest(maxDuration = "10s")
    void modelCard(byte[] input) {
        parse(input, "model-card.json", file -> ModelCardFile.load(file.getParent()));
    }

    /** The parsers read files: each input is written to a file of the name a user's would have. */
    private static void parse(byte[] input, String name, Parser parser) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("medfed-fuzz");
            Path file = dir.resolve(name);
            Files.write(file, input);
            parser.read(file);
        } catch (BadInputException expected) {
            // refused in words: the outcome we want for a malformed file
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface Parser {
        void read(Path file) throws IOException;
    }
}
