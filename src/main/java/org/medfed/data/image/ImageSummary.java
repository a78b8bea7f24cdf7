package org.medfed.data.image;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a hospital says about its images so that the hospitals can agree on the classes: the classes it found and
 * how many images each holds, and the shape its prepared images have. No pixels and no file names leave.
 *
 * @param classes         the class names the hospital found (folder names or manifest labels), in its own order
 * @param imagesPerClass  images per class name, for the classes with none or at least {@code minimumCount}
 * @param withheld        the classes with some images but fewer than {@code minimumCount}: their count stays at
 *                        the hospital, that they are present does not (the agreement needs the names)
 * @param minimumCount    the hospital's smallest count that may leave
 * @param skippedFiles    files that were neither DICOM nor an image
 * @param inputShape      [channels, height, width] of every prepared image
 */
public record ImageSummary(List<String> classes, Map<String, Integer> imagesPerClass, List<String> withheld,
                           int minimumCount, int skippedFiles, List<Integer> inputShape) {

    public ImageSummary {
        classes = List.copyOf(classes);
        // sorted, so that the same images give the same message
        imagesPerClass = Collections.unmodifiableMap(new TreeMap<>(imagesPerClass));
        withheld = List.copyOf(withheld);
        inputShape = List.copyOf(inputShape);
    }

    /** Whether the hospital holds at least one image of {@code className}. */
    public boolean has(String className) {
        return withheld.contains(className) || imagesPerClass.getOrDefault(className, 0) > 0;
    }
}
