package org.medfed.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.medfed.data.image.ImageCoordinator;
import org.medfed.data.image.ImageSummary;
import org.medfed.engine.BadInputException;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.model.ModelSpec;
import org.medfed.network.coordinator.RemoteParticipant;
import org.medfed.project.ImagingSection;
import org.medfed.project.ModelCard;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;

/**
 * The preparation of an image study whose hospitals keep their images behind their nodes: each node prepares its
 * own images with the study's imaging settings and answers with class names and counts
 * ({@code images.summary}); the classes are agreed from those alone ({@link ImageCoordinator}, as in a
 * simulation), and each node splits, augments and builds the model beside its images ({@code model.open}).
 * No pixel and no file name reaches the coordinator.
 */
final class MultiSiteImages {

    private MultiSiteImages() {
    }

    /** What can be checked before any node is asked: the imaging settings are there and valid. */
    static void check(Study study, Path studyFile) {
        ImagingSection settings = study.imaging();
        if (settings == null) {
            throw new BadInputException(studyFile, null, "the study's data type is \"" + study.dataType()
                    + "\" but it has no \"imaging\" section (source, task, size, window...)");
        }
        try {
            settings.preprocessing();
        } catch (BadInputException e) {
            throw new BadInputException(studyFile, null, e.getMessage(), e);
        }
    }

    static PreparedStudy prepare(Study study, Path studyFile, List<RemoteParticipant> hospitals, String run,
                                 Consumer<String> progress, MultiSiteCalls calls) {
        ImagingSection settings = study.imaging();
        progress.accept("preparing the images at each hospital");
        List<String> policyNotes = MultiSiteStudy.open(Procedure.IMAGES_OPEN, study, hospitals, run, calls);
        progress.accept("agreeing on the image classes from the hospitals' summaries");
        List<ImageSummary> summaries = calls.each(hospitals, h -> ProtocolJson.read(
                calls.call(h, SiteRequest.of(0, Procedure.IMAGES_SUMMARY, Params.EMPTY)).text("json"),
                ImageSummary.class));
        int[] shape = settings.inputShape();
        ImageCoordinator.Agreed agreed = ImageCoordinator.agree(settings.classes(), settings.segmentation(),
                Arrays.stream(shape).boxed().toList(), hospitals.stream().map(RemoteParticipant::name).toList(),
                summaries, studyFile);
        List<String> modelClasses = agreed.agreement().modelClasses(settings.segmentation());
        // the model is checked here, before any hospital is asked to build it
        ModelSpec spec;
        try {
            spec = study.model().toSpec(shape, modelClasses.size());
        } catch (BadInputException e) {
            throw new BadInputException(studyFile, null, "model: " + e.getMessage(), e);
        }
        PreparedStudy.checkTask(study, spec, studyFile);
        String json = ProtocolJson.write(agreed.agreement());
        List<Params> sizes = calls.each(hospitals, h -> calls.call(h, SiteRequest.of(0, Procedure.MODEL_OPEN,
                Params.builder().text("json", json).build())));
        List<RemoteParticipant> ready = new ArrayList<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (int i = 0; i < hospitals.size(); i++) {
            RemoteParticipant h = hospitals.get(i);
            ready.add(h.withSizes(sizes.get(i).integer("train_size"), sizes.get(i).integer("test_size")));
            notes.put(h.name(), sizes.get(i).text("note", ""));
        }
        ModelCard.ImagePreprocessing card = ImagingStudyData.cardInfo(settings, shape, modelClasses);
        List<String> warnings = new ArrayList<>(policyNotes);
        warnings.addAll(agreed.warnings());
        return new PreparedStudy(study, studyFile, RemoteStudyData.images(ready, card, warnings, notes), spec);
    }
}
