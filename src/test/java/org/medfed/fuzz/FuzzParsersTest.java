package org.medfed.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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
import org.medfed.testsupport.SharedData;

/**
 * Fuzzing of the five parsers a user's files reach: the CSV reader, the study-file reader, the DICOM reader, the VCF
 * reader and the model-card reader. Each property takes a seed file (the public files in {@code ../shared/data}
 * and the project's own samples) and mutates it (bytes flipped, inserted, deleted, cut, spliced, and tokens that
 * broke parsers before: {@code Infinity}, {@code 1e309}, 65535, NUL); every input must end in a result or in our
 * {@link BadInputException}: any other exception, an {@link OutOfMemoryError} or a stack overflow fails the
 * test, and the input is written to {@code target/fuzz-crashes/TARGET/} to be kept as a regression file under
 * {@code src/test/resources/fuzz-regressions/TARGET/}, which {@link #regressionFilesStayFixed()} replays on every
 * build.
 *
 * <p>The mutations are seeded and not coverage-guided (docs/robustness.md says why). The CI run tries every seed and
 * {@code medfed.fuzz.tries} mutations per parser (100, a few seconds each); {@code scripts/fuzz.sh} runs as many as
 * asked, with another seed.
 */
class FuzzParsersTest {

    private static final Path REGRESSIONS = Path.of("src/test/resources/fuzz-regressions");
    private static final Path CRASHES = Path.of("target/fuzz-crashes");
    private static final int MAX_SEED_BYTES = 48 * 1024;
    private static final Map<String, int[]> OUTCOMES = new ConcurrentHashMap<>();
    private static final Path WORK = workFolder();
    /** Mutated inputs per parser: a few seconds each in CI; scripts/fuzz.sh asks for more. */
    private static final int TRIES = Integer.getInteger("medfed.fuzz.tries", 100);

    @Test
    void csv() {
        fuzz("csv", csvInputs(), "data.csv", file -> {
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

    @Test
    void studyFile() {
        fuzz("study", studyInputs(), "study.json", StudyFile::load);
    }

    @Test
    void dicom() {
        fuzz("dicom", dicomInputs(), "image.dcm", file -> {
            DicomImage im = DicomImage.read(file);
            for (int f = 0; f < Math.min(2, im.frameCount()); f++) {
                im.frame(f);
                im.toImage(f, im.defaultWindow(f));
            }
        });
    }

    @Test
    void vcf() {
        fuzz("vcf", vcfInputs(), "genotypes.vcf", file -> {
            try (VcfReader reader = VcfReader.open(file)) {
                for (VariantRecord v = reader.next(); v != null; v = reader.next()) {
                    v.dosages();
                }
            }
        });
    }

    @Test
    void modelCard() {
        fuzz("model-card", modelCardInputs(), "model-card.json", file -> ModelCardFile.load(file.getParent()));
    }

    /** Every crash found once and kept: read again by the parser it broke, it must now end well. */
    @Test
    void regressionFilesStayFixed() throws IOException {
        Map<String, String> names = Map.of("csv", "data.csv", "study", "study.json", "dicom", "image.dcm",
                "vcf", "genotypes.vcf", "model-card", "model-card.json");
        int replayed = 0;
        for (Map.Entry<String, String> target : names.entrySet()) {
            for (Path kept : files(REGRESSIONS.resolve(target.getKey()))) {
                Parser parser = switch (target.getKey()) {
                    case "csv" -> f -> TableProfiler.profile(CsvReader.read(f, CsvFormat.defaults()));
                    case "study" -> StudyFile::load;
                    case "dicom" -> f -> DicomImage.read(f).frame(0);
                    case "vcf" -> f -> {
                        try (VcfReader r = VcfReader.open(f)) {
                            while (r.next() != null) {
                                // read every record
                            }
                        }
                    };
                    default -> f -> ModelCardFile.load(f.getParent());
                };
                check(target.getKey(), Files.readAllBytes(kept), target.getValue(), parser);
                replayed++;
            }
        }
        assertThat(replayed).as("regression files replayed").isGreaterThanOrEqualTo(0);
    }

    @AfterAll
    static void report() {
        OUTCOMES.forEach((target, counts) -> System.out.printf("fuzz %-10s %6d inputs: %6d read, %6d refused as bad "
                + "input%n", target, counts[0] + counts[1], counts[0], counts[1]));
    }

    private static Mutator csvInputs() {
        List<Path> seeds = new ArrayList<>(files(Path.of("sample-projects/heart-4-hospitals/data")));
        seeds.addAll(files(Path.of("src/test/resources/bad-input"), ".csv"));
        seeds.addAll(shared("pima-indians-diabetes", "uci-heart-disease", "uci-wdbc"));
        return mutated(seeds, "Infinity", "1e309", "-1e400", "NaN", "9".repeat(400), ",", "\"", "\n", ";", "\t");
    }

    private static Mutator studyInputs() {
        List<Path> seeds = new ArrayList<>();
        for (String sample : List.of("heart-4-hospitals", "genotypes-4-hospitals", "phantom-4-hospitals")) {
            seeds.addAll(files(Path.of("sample-projects", sample), ".json"));
        }
        seeds.addAll(files(Path.of("src/test/resources/bad-input"), ".json"));
        return mutated(seeds, "1e309", "2.5", "-1", "1000000000", "null", "[]", "{}", "\"\\u0000\"", "true", "\"");
    }

    private static Mutator dicomInputs() {
        List<Path> seeds = new ArrayList<>(shared("dicom-pydicom-testfiles/valid"));
        return mutated(seeds, "\u00ff\u00ff", "\u00ff\u00ff\u00ff\u00ff", "\u0000\u0000", "DICM", "OB", "SQ", "UN");
    }

    private static Mutator vcfInputs() {
        List<Path> seeds = new ArrayList<>(shared("vcf-htsjdk-hts-specs/valid"));
        seeds.removeIf(p -> p.toString().endsWith(".tbi"));
        return mutated(seeds, "\t", "./.", "0|1", "1/2", "2147483648", "-1", "#CHROM", "\n", ";", "=");
    }

    private static Mutator modelCardInputs() {
        List<Path> seeds = files(Path.of("src/test/resources/fuzz-seeds/model-card"));
        return mutated(seeds, "-1", "2147483647", "1e309", "null", "[]", "\"x\"", "0", "{}", "true");
    }

    /** The seeds of one parser and the tokens its mutations insert. */
    private record Mutator(List<byte[]> seeds, List<byte[]> tokens) {
        byte[] next(SplittableRandom rnd) {
            return mutate(seeds.get(rnd.nextInt(seeds.size())), tokens, rnd);
        }
    }

    /** The seed files (those small enough to fuzz quickly) with the tokens to insert. */
    private static Mutator mutated(List<Path> seedFiles, String... tokens) {
        List<byte[]> seeds = seedFiles.stream().map(FuzzParsersTest::read).filter(b -> b.length <= MAX_SEED_BYTES)
                .toList();
        assertThat(seeds).as("fuzz seeds (is ../shared/data there?)").isNotEmpty();
        List<byte[]> tokenBytes = Stream.of(tokens).map(t -> t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .toList();
        return new Mutator(seeds, tokenBytes);
    }

    /**
     * Tries {@link #TRIES} inputs of {@code mutator} on {@code parser}: each seed once as it is, then seeded
     * mutations (the seed of the run is printed, so a failure can be replayed with {@code -Dmedfed.fuzz.seed}).
     */
    private static void fuzz(String target, Mutator mutator, String name, Parser parser) {
        long seed = Long.getLong("medfed.fuzz.seed", 20261205L);
        SplittableRandom rnd = new SplittableRandom(seed ^ target.hashCode());
        for (byte[] original : mutator.seeds()) {
            check(target, original, name, parser);
        }
        for (int i = 0; i < TRIES; i++) {
            check(target, mutator.next(rnd), name, parser);
        }
    }

    static byte[] mutate(byte[] seed, List<byte[]> tokens, SplittableRandom rnd) {
        byte[] b = seed.clone();
        int mutations = 1 + rnd.nextInt(8);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(6)) {
                case 0 -> b[at] = (byte) rnd.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 2 -> b = splice(b, at, at, tokens.get(rnd.nextInt(tokens.size())));
                case 3 -> b = splice(b, at, Math.min(b.length, at + 1 + rnd.nextInt(16)), new byte[0]);
                case 4 -> b = java.util.Arrays.copyOf(b, at);
                default -> {
                    int from = rnd.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + rnd.nextInt(64));
                    b = splice(b, at, at, java.util.Arrays.copyOfRange(b, from, from + len));
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    interface Parser {
        void parse(Path file) throws Exception;
    }

    /** Runs {@code parser} on {@code input}; a result or a BadInputException pass, anything else is kept and fails. */
    private static void check(String target, byte[] input, String name, Parser parser) {
        Path dir = WORK.resolve(target + "-" + Thread.currentThread().getId());
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Files.write(file, input);
        } catch (IOException e) {
            throw new IllegalStateException("the fuzz work folder is not writable", e);
        }
        int[] counts = OUTCOMES.computeIfAbsent(target, t -> new int[2]);
        try {
            parser.parse(file);
            synchronized (counts) {
                counts[0]++;
            }
        } catch (BadInputException expected) {
            synchronized (counts) {
                counts[1]++;
            }
        } catch (Throwable e) {
            Path kept = keep(target, name, input);
            throw new AssertionError(target + " parser failed with " + e + " instead of a BadInputException; the "
                    + "input is kept as " + kept + " (copy it to " + REGRESSIONS.resolve(target) + ")", e);
        }
    }

    private static Path keep(String target, String name, byte[] input) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input)).substring(0, 16);
            Path kept = CRASHES.resolve(target).resolve(hash + "-" + name);
            Files.createDirectories(kept.getParent());
            Files.write(kept, input);
            return kept;
        } catch (Exception e) {
            return Path.of("(could not be written: " + e + ")");
        }
    }

    private static List<Path> shared(String... folders) {
        List<Path> out = new ArrayList<>();
        Path root = SharedData.root().resolve("data");
        for (String f : folders) {
            Path dir = root.resolve(f);
            if (!Files.isDirectory(dir) && SharedData.required()) {
                throw new AssertionError("shared data " + dir + " is missing and MEDFED_REQUIRE_SHARED=1");
            }
            out.addAll(files(dir).stream().filter(p -> !p.getFileName().toString().endsWith(".md")
                    && !p.getFileName().toString().endsWith(".names")).toList());
        }
        return out;
    }

    private static List<Path> files(Path dir, String... endings) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> endings.length == 0
                    || Stream.of(endings).anyMatch(e -> p.toString().endsWith(e))).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path workFolder() {
        try {
            return Files.createTempDirectory("medfed-fuzz");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
