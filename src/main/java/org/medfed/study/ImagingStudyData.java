package org.medfed.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.medfed.data.ExampleSet;
import org.medfed.data.TrainTestSplit;
import org.medfed.data.image.Augmentation;
import org.medfed.data.image.ImageDataset;
import org.medfed.data.image.ImageDatasetLoader;
import org.medfed.data.image.ImageExample;
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
    public static final List<String> SEGMENTATION_CLASSES = List.of("background", "foreground");

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

    /** Splits and encodes datasets already loaded; the classes are those of the settings or all found, sorted. */
    static ImagingStudyData of(ImagingSection settings, List<Loaded> loaded) {
        List<String> classes = settings.classes();
        if (classes == null) {
            TreeSet<String> all = new TreeSet<>();
            loaded.forEach(l -> all.addAll(l.dataset().classNames()));
            classes = List.copyOf(all);
        }
        if (!settings.segmentation() && classes.size() < 2) {
            Loaded first = loaded.get(0);
            throw new BadInputException(first.folder().resolve(settings.source().equals(ImagingSection.MANIFEST)
                    ? settings.manifest() : settings.images()), null, "every hospital's images are of one class ('"
                    + classes.get(0) + "'); a classifier needs at least two classes (one sub-folder per class, or two "
                    + "labels in the manifest)");
        }
        List<SiteData> sites = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Loaded l : loaded) {
            sites.add(site(settings, classes, l, warnings));
        }
        Preprocessing p = settings.preprocessing();
        return new ImagingStudyData(settings, classes, new int[] {p.channels(), p.height(), p.width()}, sites, warnings);
    }

    private static SiteData site(ImagingSection settings, List<String> classes, Loaded l, List<String> warnings) {
        ImageDataset ds = l.dataset();
        int n = ds.size();
        float[][] x = new float[n][];
        float[][] masks = settings.segmentation() ? new float[n][] : null;
        int[] y = new int[n];
        String[] ids = new String[n];
        int[] perClass = new int[classes.size()];
        for (int i = 0; i < n; i++) {
            ImageExample e = ds.examples().get(i);
            x[i] = e.pixels();
            // a hospital numbers its own classes; the study's numbering is by name
            y[i] = classes.indexOf(ds.classNames().get(e.label()));
            perClass[y[i]]++;
            ids[i] = e.id();
            if (masks != null) {
                masks[i] = e.mask();
            }
        }
        for (int c = 0; c < classes.size(); c++) {
            if (perClass[c] == 0 && !settings.segmentation()) {
                warnings.add(l.name() + " has no images of class '" + classes.get(c) + "'");
            }
        }
        if (ds.skippedFiles() > 0) {
            warnings.add(l.name() + ": " + ds.skippedFiles() + " file(s) were neither DICOM nor an image and were skipped");
        }
        if (n < 2) {
            throw new BadInputException(l.folder(), null, "holds " + n + " image; at least 2 are needed to train and test");
        }
        int[] shape = {ds.channels(), ds.height(), ds.width()};
        ExampleSet all = new ExampleSet(shape, x, y, classes.size(), masks);
        TrainTestSplit split = TrainTestSplit.of(y, classes.size(), settings.trainFraction(), settings.splitSeed(), true);
        if (split.train().length == 0 || split.test().length == 0) {
            throw new BadInputException(l.folder(), null, "holds " + n + " images: too few for a train/test split at "
                    + "trainFraction " + settings.trainFraction());
        }
        ExampleSet train = augment(settings, all.subset(split.train()), Arrays.stream(split.train())
                .mapToObj(i -> ids[i]).toArray(String[]::new));
        String note = ds.skippedFiles() == 0 ? "" : ds.skippedFiles() + " non-image files skipped";
        if (train.size() > split.train().length) {
            note = (note.isEmpty() ? "" : note + "; ") + split.train().length + " training images + "
                    + (train.size() - split.train().length) + " augmented copies";
        }
        return new SiteData(l.name(), train, all.subset(split.test()), note);
    }

    /** The training images followed by the augmented copies, copy by copy, in the same order. */
    private static ExampleSet augment(ImagingSection settings, ExampleSet train, String[] ids) {
        ImagingSection.AugmentationSection a = settings.augmentation();
        if (a == null || a.copies() == 0 || !a.forCopy(1).enabled()) {
            return train;
        }
        int n = train.size();
        int[] s = train.inputShape();
        int total = n * (1 + a.copies());
        float[][] x = Arrays.copyOf(train.inputs(), total);
        int[] y = Arrays.copyOf(train.labels(), total);
        float[][] m = train.masks() == null ? null : Arrays.copyOf(train.masks(), total);
        for (int c = 1; c <= a.copies(); c++) {
            Augmentation aug = a.forCopy(c);
            for (int i = 0; i < n; i++) {
                // keyed by the file's path, so a copy does not depend on the loading order or the split
                float[][] t = aug.applyTo(train.inputs()[i], m == null ? null : train.masks()[i], s[0], s[1], s[2],
                        ids[i].hashCode());
                x[c * n + i] = t[0];
                y[c * n + i] = train.labels()[i];
                if (m != null) {
                    m[c * n + i] = t[1];
                }
            }
        }
        return new ExampleSet(s, x, y, train.classCount(), m);
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
        return new ModelCard.ImagePreprocessing(settings.task(), Arrays.stream(inputShape).boxed().toList(), classes(),
                "window into [0, 1] -> channels -> bilinear resize to the input size -> normalisation"
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
        return settings.segmentation() ? SEGMENTATION_CLASSES : imageClasses;
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
