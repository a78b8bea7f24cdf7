package org.medfed.gui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/** Copies of the sample study in a test's temporary folder, so that saves and run history stay there. */
public final class Samples {

    public static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals").toAbsolutePath();

    private Samples() {
    }

    /** The sample copied into {@code dir}, with {@code rounds} rounds; returns its study file. */
    public static Path copy(Path dir, int rounds) {
        return copy(dir, rounds, 1);
    }

    /** The sample with {@code rounds} rounds of {@code localEpochs} local epochs each (more epochs: slower rounds). */
    public static Path copy(Path dir, int rounds, int localEpochs) {
        try {
            Path target = dir.resolve("heart");
            Files.createDirectories(target.resolve("data"));
            try (Stream<Path> files = Files.list(SAMPLE.resolve("data"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve("data").resolve(f.getFileName()));
                }
            }
            Study study = StudyFile.load(SAMPLE.resolve("study.json"));
            Path file = target.resolve("study.json");
            var t = study.training();
            StudyFile.save(study.withTraining(new org.medfed.project.TrainingSection(rounds, null, localEpochs,
                    t.batchSize(), t.learningRate(), t.optimizer(), t.fraction(), t.minParticipants(), t.timeoutSeconds())), file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sample with {@code hospitals} hospitals ("hospital-01", ...), each a copy of one of the sample's four
     * files in turn, and {@code rounds} rounds; returns its study file.
     */
    public static Path manyHospitals(Path dir, int hospitals, int rounds) {
        try {
            Path target = dir.resolve("many");
            Files.createDirectories(target.resolve("data"));
            Study study = StudyFile.load(SAMPLE.resolve("study.json"));
            java.util.List<org.medfed.project.ParticipantEntry> parts = new java.util.ArrayList<>();
            for (int h = 0; h < hospitals; h++) {
                String name = String.format(java.util.Locale.ROOT, "hospital-%02d", h + 1);
                Path from = SAMPLE.resolve(study.participants().get(h % study.participants().size()).data().get(0));
                Files.copy(from, target.resolve("data").resolve(name + ".csv"));
                parts.add(new org.medfed.project.ParticipantEntry(name, "data/" + name + ".csv"));
            }
            Path file = target.resolve("study.json");
            StudyFile.save(study.withParticipants(parts).withTraining(study.training().withRounds(rounds)), file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document holding a copy of the sample with {@code rounds} rounds, saved in {@code dir}. */
    public static org.medfed.gui.common.StudyDocument document(Path dir, int rounds) {
        Path file = copy(dir, rounds);
        org.medfed.gui.common.StudyDocument doc = new org.medfed.gui.common.StudyDocument();
        doc.replace(StudyFile.load(file), file);
        return doc;
    }

    /** A file with the given lines. */
    public static Path write(Path file, String... lines) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
