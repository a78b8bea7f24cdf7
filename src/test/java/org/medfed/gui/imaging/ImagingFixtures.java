package org.medfed.gui.imaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunStatus;
import org.medfed.project.StudyFile;
import org.medfed.study.PreparedStudy;
import org.medfed.study.StudyResult;
import org.medfed.study.StudyRunner;

/** The phantom sample's files, damaged copies of them, and a segmentation result without training, for imaging tests. */
final class ImagingFixtures {

    static final Path SAMPLE = Path.of("sample-projects/phantom-4-hospitals").toAbsolutePath();
    static final Path HOSPITAL_A = SAMPLE.resolve("data/hospital-a");
    static final Path LESION_FILE = HOSPITAL_A.resolve("images/lesion/hospital-a-001.dcm");

    private ImagingFixtures() {
    }

    /**
     * A hospital folder with two good images (one per class), a text file, and a DICOM file whose pixel data is cut
     * off: its header reads, its pixels do not.
     */
    static Path folderWithBadFiles(Path dir) {
        try {
            Path h = dir.resolve("hospital-x");
            Files.createDirectories(h.resolve("images/lesion"));
            Files.createDirectories(h.resolve("images/no-lesion"));
            Files.copy(LESION_FILE, h.resolve("images/lesion/good.dcm"));
            Files.copy(HOSPITAL_A.resolve("images/no-lesion/hospital-a-002.dcm"), h.resolve("images/no-lesion/fine.dcm"));
            Files.writeString(h.resolve("images/lesion/notes.txt"), "not an image\n");
            byte[] bytes = Files.readAllBytes(LESION_FILE);
            Files.write(h.resolve("images/no-lesion/cut.dcm"), java.util.Arrays.copyOf(bytes, bytes.length - 1500));
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The segmentation sample prepared, with its initial model as if one round had run. */
    static StudyResult untrainedSegmentation() {
        Path file = SAMPLE.resolve("study-segmentation.json");
        PreparedStudy p = PreparedStudy.prepare(StudyFile.load(file), file);
        var model = StudyRunner.initialModel(p.spec(), 42);
        RoundRecord round = new RoundRecord(1, p.participantNames(), Map.of(), Map.of(), Map.of(), List.of(),
                Duration.ZERO, 0, Map.of());
        RunHistory h = new RunHistory("fedavg", p.participantNames(), List.of(round), model, RunStatus.FINISHED, "",
                Duration.ZERO);
        return new StudyResult(p, 42, h, List.of(), Map.of(), Instant.now(), Instant.now());
    }
}
