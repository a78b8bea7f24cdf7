package org.medfed.data.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.medfed.engine.BadInputException;

/**
 * The agreement of an image study, from the hospitals' {@link ImageSummary summaries} alone: the classes (the
 * study's, or every class found anywhere, sorted, so that every hospital numbers them alike) and the input shape.
 * A simulation and a coordinator of nodes run this same code on the same summaries.
 */
public final class ImageCoordinator {

    /** The agreement, and what is worth telling the researcher about it. */
    public record Agreed(ImageAgreement agreement, List<String> warnings) {

        public Agreed {
            warnings = List.copyOf(warnings);
        }
    }

    private ImageCoordinator() {
    }

    /**
     * @param studyClasses the study's classes in label order, or null to take every class found
     * @param segmentation a segmentation needs no second class: its model tells foreground from background
     * @param inputShape   [channels, height, width] the study's settings give
     * @param names        the hospitals' names, in participant order
     * @param summaries    their summaries, in the same order
     * @param where        named by the error when all images are of one class
     */
    public static Agreed agree(List<String> studyClasses, boolean segmentation, List<Integer> inputShape,
                               List<String> names, List<ImageSummary> summaries, Path where) {
        for (int i = 0; i < summaries.size(); i++) {
            if (!summaries.get(i).inputShape().equals(inputShape)) {
                throw new BadInputException(names.get(i) + " prepares its images to the shape "
                        + summaries.get(i).inputShape() + " but the study asks for " + inputShape
                        + "; check that every hospital runs the same version of MedFed");
            }
        }
        List<String> classes = studyClasses;
        if (classes == null) {
            TreeSet<String> all = new TreeSet<>();
            summaries.forEach(s -> all.addAll(s.classes()));
            classes = List.copyOf(all);
        }
        if (!segmentation && classes.size() < 2) {
            throw new BadInputException(where, null, classes.isEmpty() ? "no image has a class"
                    : "every hospital's images are of one class ('" + classes.get(0) + "'); a classifier needs at "
                    + "least two classes (one sub-folder per class, or two labels in the manifest)");
        }
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            ImageSummary s = summaries.get(i);
            for (String c : classes) {
                if (!segmentation && !s.has(c)) {
                    warnings.add(names.get(i) + " has no images of class '" + c + "'");
                }
            }
            if (s.skippedFiles() > 0) {
                warnings.add(names.get(i) + ": " + s.skippedFiles()
                        + " file(s) were neither DICOM nor an image and were skipped");
            }
        }
        return new Agreed(new ImageAgreement(classes, inputShape), warnings);
    }
}
