package org.medfed.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medfed.node.ImageDataset;
import org.medfed.project.BaselineSection;
import org.medfed.project.ImagingSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/**
 * The phantom sample studies made small enough to run in seconds (16 x 16 images, two rounds, one baseline epoch),
 * and their hospitals behind nodes: each node registers the hospital's own folder of the sample.
 */
public final class SmallImageStudies {

    /** The classification study file; the segmentation one is beside it. */
    public static final Path STUDY = Path.of("sample-projects/phantom-4-hospitals/study.json").toAbsolutePath();

    private SmallImageStudies() {
    }

    public static Study classification() {
        return small(StudyFile.load(STUDY));
    }

    public static Study segmentation() {
        return small(StudyFile.load(STUDY.resolveSibling("study-segmentation.json")));
    }

    private static Study small(Study s) {
        ImagingSection i = s.imaging();
        ImagingSection small = new ImagingSection(i.source(), i.task(), i.images(), i.manifest(), i.masks(),
                i.classes(), i.window(), i.windowCenter(), i.windowWidth(), List.of(16, 16), i.channels(),
                i.normalisation(), i.mean(), i.std(), i.augmentation(), i.trainFraction(), i.splitSeed());
        BaselineSection b = s.baselines();
        return new Study(s.schemaVersion(), s.name(), s.description(), s.task(), s.dataType(), s.participants(),
                s.data(), small, s.genotypes(), s.model(), s.strategy(), s.training().withRounds(2),
                new BaselineSection(1, b.batchSize(), b.learningRate(), b.optimizer()), s.privacy(), s.defence(),
                s.compression(), s.simulation(), s.seed(), s.coordinator());
    }

    /** The study with each hospital behind the node of its own name, which registers dataset "phantom". */
    public static Study behindNodes(Study study) {
        List<ParticipantEntry> remote = new ArrayList<>();
        for (ParticipantEntry p : study.participants()) {
            remote.add(ParticipantEntry.remote(p.name(), p.name(), "phantom"));
        }
        return study.withParticipants(remote);
    }

    /** The hospital's folder in the sample (its images, manifest and masks). */
    public static Path hospitalFolder(ParticipantEntry p) {
        return StudyFile.resolve(STUDY, p.data().get(0));
    }

    /**
     * The hospital's images as its node registers them: the class folders, and the masks when the study
     * segments.
     *
     * @param sessionFile where the node keeps its study state, or null
     */
    public static ImageDataset node(ParticipantEntry p, Study study, Path sessionFile) {
        Path folder = hospitalFolder(p);
        return new ImageDataset("phantom", folder.resolve("images"), null,
                study.imaging().segmentation() ? folder.resolve("masks") : null, 1, sessionFile);
    }
}
