package org.medfed.data.image;

import java.util.List;

/**
 * What the hospitals of an image study agree on before the model is built: the image classes in label order (the
 * study's, or every class found at any hospital, sorted) and the model's input shape. Every hospital numbers its
 * images' classes by these names, so a hospital that lacks a class still agrees with the others.
 *
 * @param classes    the image classes in label order (for a segmentation, those of the stratified split)
 * @param inputShape [channels, height, width]
 */
public record ImageAgreement(List<String> classes, List<Integer> inputShape) {

    /** Class names of a segmentation's model: it tells foreground from background, per pixel. */
    public static final List<String> SEGMENTATION_CLASSES = List.of("background", "foreground");

    public ImageAgreement {
        classes = List.copyOf(classes);
        inputShape = List.copyOf(inputShape);
    }

    /** The model's classes: the image classes, or background/foreground for a segmentation. */
    public List<String> modelClasses(boolean segmentation) {
        return segmentation ? SEGMENTATION_CLASSES : classes;
    }

    /** [channels, height, width] as an array, as the model's spec takes it. */
    public int[] inputShapeArray() {
        return inputShape.stream().mapToInt(Integer::intValue).toArray();
    }
}
