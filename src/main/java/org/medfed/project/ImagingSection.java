package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.medfed.data.dicom.Window;
import org.medfed.data.image.Augmentation;
import org.medfed.data.image.ImageSplitPlan;
import org.medfed.data.image.Normalisation;
import org.medfed.data.image.Preprocessing;
import org.medfed.data.image.Windowing;
import org.medfed.engine.BadInputException;

/**
 * The image settings of a study, as written in the study file: where each hospital's images and labels are,
 * the task, and the preprocessing that every hospital applies identically. Each participant's {@code data}
 * entry is its hospital folder; the paths below are relative to that folder.
 *
 * @param source        {@code class-folders} (one sub-folder of {@code images} per class) or {@code manifest}
 *                      (a CSV with columns file,label)
 * @param task          {@code classification} or {@code segmentation}
 * @param images        the class folders' parent (default {@code images})
 * @param manifest      the manifest file (default {@code manifest.csv})
 * @param masks         the masks folder, one mask per image matched by file name (default {@code masks});
 *                      read for segmentation only
 * @param classes       class names in label order; default: every class found at any hospital, sorted
 * @param window        {@code file} (each file's window, else its min/max; the default), {@code none}, or
 *                      {@code fixed} with {@code windowCenter} and {@code windowWidth}
 * @param size          model input [height, width] (default [64, 64])
 * @param channels      1 (default) or 3
 * @param normalisation {@code none} (default), {@code min-max}, {@code z-score} (both per image) or {@code fixed}
 *                      with {@code mean} and {@code std}
 * @param augmentation  seeded flips and rotations of the training images, or null for none
 * @param trainFraction share of each hospital's images used for training (default 0.75), stratified by class
 * @param splitSeed     seed of the train/test split (default 42)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImagingSection(String source, String task, String images, String manifest, String masks,
                             List<String> classes, String window, Double windowCenter, Double windowWidth,
                             List<Integer> size, Integer channels, String normalisation, Double mean, Double std,
                             AugmentationSection augmentation, Double trainFraction, Long splitSeed) {

    public static final String CLASS_FOLDERS = "class-folders";
    public static final String MANIFEST = "manifest";
    public static final String CLASSIFICATION = "classification";
    public static final String SEGMENTATION = "segmentation";

    public ImagingSection {
        source = source == null ? CLASS_FOLDERS : source.toLowerCase(Locale.ROOT);
        task = task == null ? CLASSIFICATION : task.toLowerCase(Locale.ROOT);
        images = images == null ? "images" : images;
        manifest = manifest == null ? "manifest.csv" : manifest;
        masks = masks == null ? "masks" : masks;
        classes = classes == null ? null : List.copyOf(classes);
        window = window == null ? "file" : window.toLowerCase(Locale.ROOT);
        size = size == null ? List.of(64, 64) : List.copyOf(size);
        channels = channels == null ? 1 : channels;
        normalisation = normalisation == null ? "none" : normalisation.toLowerCase(Locale.ROOT);
        trainFraction = trainFraction == null ? 0.75 : trainFraction;
        splitSeed = splitSeed == null ? 42L : splitSeed;
    }

    /**
     * Seeded augmentation of the training images: each training image is kept and {@code copies} transformed
     * copies are added, each with flips (probability 1/2 each, when allowed) and a rotation uniform in
     * +-maxRotationDegrees, drawn from the seed, the copy number and the image's path.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AugmentationSection(Boolean flipHorizontal, Boolean flipVertical, Double maxRotationDegrees,
                                      Integer copies, Long seed) {

        public AugmentationSection {
            flipHorizontal = flipHorizontal == null ? Boolean.FALSE : flipHorizontal;
            flipVertical = flipVertical == null ? Boolean.FALSE : flipVertical;
            maxRotationDegrees = maxRotationDegrees == null ? 0.0 : maxRotationDegrees;
            copies = copies == null ? 1 : copies;
            seed = seed == null ? 42L : seed;
        }

        /** The transform family of copy {@code copy} (1, 2, ...): each copy draws its own transforms. */
        public Augmentation forCopy(int copy) {
            return new Augmentation(flipHorizontal, flipVertical, maxRotationDegrees, seed * 1_000_003L + copy);
        }
    }

    public static ImagingSection defaults() {
        return new ImagingSection(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    public boolean segmentation() {
        return task.equals(SEGMENTATION);
    }

    /**
     * How each hospital splits and augments its images: the transforms of every augmented copy, or none when the
     * augmentation adds no copies or changes nothing.
     */
    public ImageSplitPlan splitPlan() {
        List<Augmentation> copies = new ArrayList<>();
        if (augmentation != null && augmentation.copies() > 0 && augmentation.forCopy(1).enabled()) {
            for (int c = 1; c <= augmentation.copies(); c++) {
                copies.add(augmentation.forCopy(c));
            }
        }
        return new ImageSplitPlan(segmentation(), trainFraction, splitSeed, copies);
    }

    /** Model input [channels, height, width]. */
    public int[] inputShape() {
        return new int[] {channels, size.get(0), size.get(1)};
    }

    /** The preprocessing of every image, without augmentation; throws when a setting is not valid. */
    public Preprocessing preprocessing() {
        if (!source.equals(CLASS_FOLDERS) && !source.equals(MANIFEST)) {
            throw new BadInputException("imaging source \"" + source + "\" is unknown; expected class-folders or manifest");
        }
        if (!task.equals(CLASSIFICATION) && !task.equals(SEGMENTATION)) {
            throw new BadInputException("imaging task \"" + task + "\" is unknown; expected classification or segmentation");
        }
        if (size.size() != 2 || size.get(0) < 1 || size.get(1) < 1) {
            throw new BadInputException("imaging size must be [height, width] with positive numbers, was " + size);
        }
        if (channels != 1 && channels != 3) {
            throw new BadInputException("imaging channels must be 1 or 3, was " + channels);
        }
        if (!(trainFraction > 0) || !(trainFraction < 1)) {
            throw new BadInputException("imaging trainFraction must be between 0 and 1 (exclusive), was " + trainFraction);
        }
        if (augmentation != null && (augmentation.copies() < 0 || augmentation.maxRotationDegrees() < 0)) {
            throw new BadInputException("augmentation copies and maxRotationDegrees must not be negative");
        }
        return new Preprocessing(windowing(), size.get(0), size.get(1), channels, normalisationRule(), Augmentation.none());
    }

    private Windowing windowing() {
        return switch (window) {
            case "file" -> Windowing.fromFile();
            case "none" -> Windowing.none();
            case "fixed" -> {
                if (windowCenter == null || windowWidth == null || !(windowWidth > 0)) {
                    throw new BadInputException("window \"fixed\" needs windowCenter and a positive windowWidth");
                }
                yield Windowing.fixed(new Window(windowCenter, windowWidth));
            }
            default -> throw new BadInputException("window \"" + window + "\" is unknown; expected file, none or fixed");
        };
    }

    private Normalisation normalisationRule() {
        return switch (normalisation) {
            case "none" -> Normalisation.none();
            case "min-max" -> Normalisation.minMax();
            case "z-score" -> Normalisation.zScore();
            case "fixed" -> {
                if (mean == null || std == null || !(std > 0)) {
                    throw new BadInputException("normalisation \"fixed\" needs mean and a positive std");
                }
                yield Normalisation.fixed(mean, std);
            }
            default -> throw new BadInputException("normalisation \"" + normalisation
                    + "\" is unknown; expected none, min-max, z-score or fixed");
        };
    }
}
