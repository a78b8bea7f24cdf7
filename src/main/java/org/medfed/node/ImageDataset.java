package org.medfed.node;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.medfed.data.image.EncodedImages;
import org.medfed.data.image.ImageAgreement;
import org.medfed.data.image.ImageDatasetLoader;
import org.medfed.data.image.LocalImageSite;
import org.medfed.data.image.Preprocessing;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.network.node.PolicyRefusal;
import org.medfed.project.ImagingSection;
import org.medfed.project.NodeSessionFile;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;
import org.medfed.site.HospitalSite;
import org.medfed.study.ImagingStudyData;
import org.medfed.study.PersonalModelFiles;

/**
 * A folder of images the hospital registered, as its node serves it: the coordinator opens it for a study (the
 * node prepares every image with the study's imaging settings), asks for a summary (class names and counts, no
 * pixels), sends the agreed classes, and from then on trains and evaluates through the hospital's site built
 * beside the images. The folder, manifest and masks are those of the node's configuration: the study's own
 * {@code images}, {@code manifest} and {@code masks} names are ignored here, so nothing the coordinator sends
 * names a path.
 */
public final class ImageDataset implements ServedDataset {

    static final String STUDY = "study";
    static final String PARTICIPANT = "participant";
    static final String RUN = "run";
    static final String JSON = "json";

    private final String id;
    private final Path folder;
    private final Path manifest;
    private final Path masks;
    private final int minimumCount;
    private final KeptSession kept;

    private Study study;
    private ImagingSection settings;
    private LocalImageSite images;
    private HospitalSite site;
    private ModelSpec spec;
    private List<String> modelClasses;
    private String openedStudy;
    private String participant;
    private String run;

    /**
     * @param folder       the images: one sub-folder per class, or the files {@code manifest} lists
     * @param manifest     the CSV of file,label, or null when the labels are the class sub-folders' names
     * @param masks        the folder of segmentation masks, or null when the hospital offers no segmentation
     * @param minimumCount the policy's smallest count that may leave (class counts under it are withheld)
     * @param sessionFile  where the node keeps this dataset's study state across restarts, or null to keep none
     */
    public ImageDataset(String id, Path folder, Path manifest, Path masks, int minimumCount, Path sessionFile) {
        this.id = id;
        this.folder = folder;
        this.manifest = manifest;
        this.masks = masks;
        this.minimumCount = minimumCount;
        this.kept = new KeptSession(sessionFile);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return "images";
    }

    @Override
    public synchronized int trainSize() {
        resumeIfSaved();
        return site == null ? -1 : site.trainer().trainSize();
    }

    @Override
    public synchronized Params handle(SiteRequest request, RunControl control) {
        Params p = request.params();
        if (request.procedure() != Procedure.IMAGES_OPEN) {
            resumeIfSaved();
        }
        return switch (request.procedure()) {
            case IMAGES_OPEN -> open(p, control);
            case IMAGES_SUMMARY -> Params.builder().text(JSON, ProtocolJson.write(images().summary(minimumCount)))
                    .build();
            case MODEL_OPEN -> {
                String json = p.text(JSON);
                ImageAgreement agreement = ProtocolJson.read(json, ImageAgreement.class);
                Params sizes = openModel(agreement);
                kept.modelBuilt(new NodeSessionFile.Session(run, openedStudy, participant, Map.of(),
                        agreement.classes(), json, Map.of()), site);
                yield sizes;
            }
            default -> kept.serve(request, control, site, id, () -> new PersonalModelFiles.AtNode(study, participant,
                    spec, null, ImagingStudyData.cardInfo(settings, spec.inputShape(), modelClasses), modelClasses,
                    site.trainer().trainSize(), site.trainer().testSize()));
        };
    }

    /** After a restart: the same images, split and model from the saved session, and the strategy's vectors. */
    private void resumeIfSaved() {
        if (images != null) {
            return;
        }
        NodeSessionFile.Session saved = kept.saved().orElse(null);
        if (saved == null) {
            return;
        }
        open(Params.builder().text(STUDY, saved.study()).text(PARTICIPANT, saved.participant())
                .text(RUN, saved.run() == null ? "" : saved.run()).build(), RunControl.free());
        openModel(ProtocolJson.read(saved.preprocessing(), ImageAgreement.class));
        kept.resumed(saved, site);
    }

    private Params open(Params p, RunControl control) {
        openedStudy = p.text(STUDY);
        participant = p.text(PARTICIPANT);
        run = p.text(RUN, "");
        study = ProtocolJson.read(openedStudy, Study.class);
        kept.opened(run, openedStudy, participant);
        images = null;
        site = null;
        settings = study.imaging();
        if (settings == null) {
            throw new BadInputException("the study sent to dataset '" + id + "' has no imaging settings");
        }
        Preprocessing preprocessing = settings.preprocessing();
        if (settings.segmentation() && masks == null) {
            throw new PolicyRefusal("dataset '" + id + "' registers no masks folder, so this hospital offers no "
                    + "segmentation (its IT can add \"masks\" to the dataset in node.json)");
        }
        ImageDatasetLoader loader = ImageDatasetLoader.create(preprocessing, settings.segmentation() ? masks : null,
                settings.classes(), progress -> { }, control::isCancelled);
        images = new LocalImageSite(participant, folder, manifest != null ? loader.fromManifest(manifest)
                : loader.fromClassFolders(folder));
        return Params.EMPTY;
    }

    private Params openModel(ImageAgreement agreement) {
        if (!Arrays.equals(agreement.inputShapeArray(), settings.inputShape())) {
            throw new ProtocolException("the agreed input shape " + agreement.inputShape() + " is not the study's "
                    + Arrays.toString(settings.inputShape()));
        }
        EncodedImages encoded = images().encode(agreement.classes(), settings.splitPlan());
        modelClasses = agreement.modelClasses(settings.segmentation());
        spec = study.model().toSpec(agreement.inputShapeArray(), modelClasses.size());
        ModelTrainer trainer = ModelTrainer.create(spec, encoded.train(), encoded.test());
        site = new HospitalSite(participant, trainer);
        return Params.builder().number("train_size", trainer.trainSize()).number("test_size", trainer.testSize())
                .text("note", encoded.note()).build();
    }

    private LocalImageSite images() {
        if (images == null) {
            throw new ProtocolException("dataset '" + id + "' has not been opened for a study");
        }
        return images;
    }
}
