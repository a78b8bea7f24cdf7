package org.medfed.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.medfed.data.ExampleSet;
import org.medfed.data.image.EncodedImages;
import org.medfed.data.image.ImageAgreement;
import org.medfed.data.image.ImageCoordinator;
import org.medfed.data.image.ImageDataset;
import org.medfed.data.image.ImageDatasetLoader;
import org.medfed.data.image.ImageSplitPlan;
import org.medfed.data.image.LocalImageSite;
import org.medfed.data.image.Preprocessing;
import org.medfed.engine.BadInputException;
import org.medfed.project.ImagingSection;
import org.medfed.project.ModelCard;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/**
 * The hospitals' image folders, each read by the same {@link Preprocessing} (window, resize, normalisation),
 * with labels from class sub-folders or a manifest, masks for segmentation, a stratified seeded train/test
 * split per hospital, and seeded augmented copies of the training images.
 */
public final class ImagingStudyData implements StudyData {

    /** Class names of a segmentation: the model tells foreground from background, per pixel. */
    public static final List<String> SEGMENTATION_CLASSES = ImageAgreement.SEGMENTATION_CLASSES;

    private final ImagingSection settings;
    private final List<String> imageClasses;
    private final int[] inputShape;
    private final List<SiteData> sites;
    private final List<String> warnings;

    private ImagingStudyData(ImagingSection settings, List<String> imageClasses, int[] inputShape, List<SiteData> sites,
                             List<String> warnings) {
        this.settings = settings;
        this.imageClasses = List.copyOf(imageClasses);
        this.inputShape = inputShape.clone();
        this.sites = List.copyOf(sites);
        this.warnings = List.copyOf(warnings);
    }

    private record Loaded(String name, Path folder, ImageDataset dataset) {
    }

    static ImagingStudyData prepare(Study study, Path studyFile) {
        ImagingSection settings = study.imaging();
        if (settings == null) {
            throw new BadInputException(studyFile, null, "the study's data type is \"" + study.dataType()
                    + "\" but it has no \"imaging\" section (source, task, size, window...)");
        }
        Preprocessing preprocessing;
        try {
            preprocessing = settings.preprocessing();
        } catch (BadInputException e) {
            throw new BadInputException(studyFile, null, e.getMessage(), e);
        }
        List<Loaded> loaded = new ArrayList<>();
        for (ParticipantEntry p : study.enabledParticipants()) {
            if (p.data().size() != 1) {
                throw new BadInputException(studyFile, null, "participant '" + p.name() + "' lists " + p.data().size()
                        + " entries; an imaging study takes one folder per hospital");
            }
            Path folder = StudyFile.resolve(studyFile, p.data().get(0));
            loaded.add(new Loaded(p.name(), folder, load(settings, preprocessing, folder)));
        }
        return of(settings, loaded);
    }

    private static ImageDataset load(ImagingSection settings, Preprocessing preprocessing, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder, null, Files.exists(folder)
                    ? "is not a folder: an imaging study takes each hospital's folder of images"
                    : "folder not found");
        }
        Path masks = null;
        if (settings.segmentation()) {
            masks = folder.resolve(settings.masks());
            if (!Files.isDirectory(masks)) {
                throw new BadInputException(folder, null, "has no '" + settings.masks() + "' folder: segmentation needs "
                        + "a mask per image, matched by file name (case7.dcm -> " + settings.masks() + "/case7.png)");
            }
        }
        ImageDatasetLoader loader = ImageDatasetLoader.create(preprocessing, masks, settings.classes(), p -> { }, () -> false);
        if (settings.source().equals(ImagingSection.MANIFEST)) {
            Path manifest = folder.resolve(settings.manifest());
            if (!Files.isRegularFile(manifest)) {
                throw new BadInputException(folder, null, "has no manifest '" + settings.manifest()
                        + "' (a CSV with the columns file,label)");
            }
            return loader.fromManifest(manifest);
        }
        Path root = folder.resolve(settings.images());
        if (!Files.isDirectory(root)) {
            throw new BadInputException(folder, null, "has no '" + settings.images() + "' folder; with class folders the "
                    + "images go in " + settings.images() + "/<class>/..., for example " + settings.images()
                    + "/lesion/case1.dcm");
        }
        return loader.fromClassFolders(root);
    }

    /**
     * Splits and encodes datasets already loaded, through the same steps as hospitals behind nodes: each hospital
     * summarises its images, the classes are agreed from the summaries (the settings' classes, or all found,
     * sorted), and each hospital encodes its images with them.
     */
    static ImagingStudyData of(ImagingSection settings, List<Loaded> loaded) {
        List<LocalImageSite> hospitals = loaded.stream()
                .map(l -> new LocalImageSite(l.name(), l.folder(), l.dataset())).toList();
        Loaded first = loaded.get(0);
        ImageCoordinator.Agreed agreed = ImageCoordinator.agree(settings.classes(), settings.segmentation(),
                Arrays.stream(settings.inputShape()).boxed().toList(), loaded.stream().map(Loaded::name).toList(),
                hospitals.stream().map(h -> h.summary(0)).toList(),
                first.folder().resolve(settings.source().equals(ImagingSection.MANIFEST) ? settings.manifest()
                        : settings.images()));
        List<String> classes = agreed.agreement().classes();
        ImageSplitPlan plan = settings.splitPlan();
        List<SiteData> sites = new ArrayList<>();
        for (LocalImageSite h : hospitals) {
            EncodedImages e = h.encode(classes, plan);
            sites.add(new SiteData(h.name(), e.train(), e.test(), e.note()));
        }
        return new ImagingStudyData(settings, classes, settings.inputShape(), sites, agreed.warnings());
    }

    public ImagingSection settings() {
        return settings;
    }

    /** The image classes (folder names or manifest labels), in label order. */
    public List<String> imageClasses() {
        return imageClasses;
    }

    /** What the model card records about the images' preprocessing. */
    public ModelCard.ImagePreprocessing cardInfo() {
        return cardInfo(settings, inputShape, classes());
    }

    @Override
    public ModelCard.ImagePreprocessing imagePreprocessing() {
        return cardInfo();
    }

    /** The model card's record of images prepared with {@code settings} for a model of {@code modelClasses}. */
    public static ModelCard.ImagePreprocessing cardInfo(ImagingSection settings, int[] inputShape, List<String> modelClasses) {
        return new ModelCard.ImagePreprocessing(settings.task(), Arrays.stream(inputShape).boxed().toList(),
                modelClasses, "window into [0, 1] -> channels -> bilinear resize to the input size -> normalisation"
                        + (settings.augmentation() != null ? "; augmented copies of the training images only" : ""),
                settings);
    }


    @Override
    public List<SiteData> sites() {
        return sites;
    }

    @Override
    public ExampleSet pooledTraining() {
        ExampleSet pooled = sites.get(0).train();
        for (int i = 1; i < sites.size(); i++) {
            pooled = pooled.concat(sites.get(i).train());
        }
        return pooled;
    }

    /** The model's classes: the image classes, or background/foreground for a segmentation. */
    @Override
    public List<String> classes() {
        return new ImageAgreement(imageClasses, Arrays.stream(inputShape).boxed().toList())
                .modelClasses(settings.segmentation());
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }
}
