package org.medfed.study;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.medfed.concurrency.InOrder;
import org.medfed.concurrency.Workers;
import org.medfed.engine.BadInputException;
import org.medfed.model.ModelKind;
import org.medfed.model.ModelSpec;
import org.medfed.project.Study;
import org.medfed.project.StudyValidation;

/** A study with its hospitals' data read, checked and encoded, and the model shape that fits it. */
public record PreparedStudy(Study study, Path studyFile, StudyData data, ModelSpec spec) {

    /** Reads and prepares every enabled participant's data, one after another; errors name the file and line. */
    public static PreparedStudy prepare(Study study, Path studyFile) {
        return prepare(study, studyFile, InOrder.HERE);
    }

    /**
     * As {@link #prepare(Study, Path)}, the hospitals reading and encoding their tables at once, as many as there
     * are cores (each would on its own machine); the result is the same, bit for bit.
     */
    public static PreparedStudy prepare(Study study, Path studyFile, Workers workers) {
        ExecutorService hospitals = workers.fixed("preparing-data", workers.cores());
        try {
            return prepare(study, studyFile, hospitals);
        } finally {
            hospitals.shutdownNow();
        }
    }

    private static PreparedStudy prepare(Study study, Path studyFile, Executor hospitals) {
        StudyValidation.check(studyFile, study);
        if (study.enabledParticipants().isEmpty()) {
            throw new BadInputException(studyFile, null, "no participant is enabled");
        }
        try {
            ProtectionCompatibility.require(study, study.enabledParticipants().size());
        } catch (BadInputException e) {
            throw new BadInputException(studyFile, null, e.getMessage(), e);
        }
        StudyData data = switch (study.dataType()) {
            case "tabular" -> TabularStudyData.prepare(study, studyFile, hospitals);
            case "genotypes" -> GenotypeStudyData.prepare(study, studyFile, hospitals);
            case "images", "dicom" -> ImagingStudyData.prepare(study, studyFile);
            default -> throw new BadInputException(studyFile, null, "data type \"" + study.dataType()
                    + "\" is unknown; expected tabular, images, dicom or genotypes");
        };
        ModelSpec spec;
        try {
            spec = study.model().toSpec(data.inputShape(), data.classes().size());
        } catch (BadInputException e) {
            throw new BadInputException(studyFile, null, "model: " + e.getMessage(), e);
        }
        checkTask(study, spec, studyFile);
        return new PreparedStudy(study, studyFile, data, spec);
    }

    /** Segmentation takes the U-Net, and the U-Net only segments. */
    static void checkTask(Study study, ModelSpec spec, Path studyFile) {
        boolean segmentation = study.imaging() != null && study.imaging().segmentation();
        if (segmentation != (spec.kind() == ModelKind.UNET)) {
            throw new BadInputException(studyFile, null, segmentation
                    ? "a segmentation study needs the model \"unet\", not \"" + spec.kind().id() + "\""
                    : "the model \"unet\" segments images: set the imaging task to \"segmentation\", or choose cnn");
        }
    }

    public List<String> participantNames() {
        return data.counts().stream().map(SiteCounts::name).toList();
    }
}
