package org.medfed.data.image;

/**
 * One preprocessed example.
 *
 * @param id where it came from (path relative to the dataset root, or "split[index]")
 * @param pixels channels x height x width model input
 * @param label class index into {@link ImageDataset#classNames()}
 * @param mask height x width segmentation mask of 0/1, or null
 */
public record ImageExample(String id, float[] pixels, int label, float[] mask) {
}
